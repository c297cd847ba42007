String log = new File(basedir, 'build.log').text
assert log.contains('This project has several zip dependencies [io.github.wso2cluster.it:wso2as, io.github.wso2cluster.it:extras];'
        + ' say which is the WSO2 distribution with <distribution>groupId:artifactId</distribution>.')
assert !new File(basedir, 'target/wso2-cluster/distribution').exists()
return true
