String log = new File(basedir, 'build.log').text
assert log.contains("unsafe entry 'wso2as-5.2.1/../../slipped.txt'") : 'the message must name the entry'
assert !log.contains('\tat io.github') && !log.contains('\tat org.apache') : 'a plain message, no stack trace'
assert !new File(basedir, 'slipped.txt').exists()
assert !new File(basedir.parentFile, 'slipped.txt').exists()
assert !new File(basedir, 'target/slipped.txt').exists()
assert !new File(basedir, 'target/wso2-cluster/distribution').exists() : 'nothing unpacked'
return true
