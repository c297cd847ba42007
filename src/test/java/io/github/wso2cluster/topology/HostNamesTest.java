package io.github.wso2cluster.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Host names of the POM: RFC 1123 names and IP literals only, so that none can break the files it is written to. */
class HostNamesTest {

    @Test
    void namesAndAddresses() {
        for (String ok : new String[] {"as.wso2.com", "localhost", "a", "x-1.y-2", "10.0.0.2", "0.0.0.0", "255.255.255.255",
                "a".repeat(63) + ".com"}) {
            assertTrue(HostNames.isName(ok) || HostNames.isIpv4(ok), ok);
            assertNull(HostNames.serverNameProblem(ok), ok);
            assertNull(HostNames.memberHostProblem(ok), ok);
        }
        for (String bad : new String[] {"as.wso2.com;", "a b", "a{", "a}", "\"a\"", "'a'", "-a.com", "a-.com", "a..com", ".a",
                "a.", "a_b.com", "10.0.0.256", "1.2.3", "a".repeat(64) + ".com", ("a".repeat(60) + ".").repeat(5) + "com",
                "as.wso2.com\n", "*.wso2.com", "a$b", "a#b"}) {
            assertFalse(HostNames.isName(bad), bad);
            assertTrue(HostNames.serverNameProblem(bad) != null && HostNames.memberHostProblem(bad) != null, bad);
        }
    }

    @Test
    void ipv6InBracketsForServerNamesWithoutForMemberHosts() {
        assertTrue(HostNames.isIpv6("fd00::2"));
        assertTrue(HostNames.isIpv6("::1"));
        assertTrue(HostNames.isIpv6("::ffff:10.0.0.2"));
        assertFalse(HostNames.isIpv6("fd00::2%eth0"));
        assertFalse(HostNames.isIpv6("fd00:::2"));
        assertFalse(HostNames.isIpv6("as.wso2.com"));
        assertNull(HostNames.serverNameProblem("[fd00::2]"));
        assertNull(HostNames.memberHostProblem("fd00::2"));
        assertEquals("[fd00::2]:9443", HostNames.address("fd00::2", 9443));
        assertEquals("[fd00::2]:9443", HostNames.address("[fd00::2]", 9443));
        assertEquals("10.0.0.2:9443", HostNames.address("10.0.0.2", 9443));
    }
}
