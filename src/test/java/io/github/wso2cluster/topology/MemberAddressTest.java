package io.github.wso2cluster.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MemberAddressTest {

    @Test
    void parsesHostAndPort() {
        MemberAddress address = MemberAddress.parse(" 10.0.0.2:4100 ").address();
        assertEquals("10.0.0.2", address.host());
        assertEquals(4100, address.port());
        assertFalse(address.isRange());
        assertEquals(List.of(address), address.expand());
    }

    @Test
    void parsesHostNames() {
        assertEquals("mgr.as.example.com:4000", MemberAddress.parse("mgr.as.example.com:4000").address().toString());
    }

    @Test
    void expandsARangeOverTheLastOctetOnly() {
        MemberAddress range = MemberAddress.parse("10.0.0.3-5:4200").address();
        assertTrue(range.isRange());
        assertEquals(List.of(MemberAddress.of("10.0.0.3", 4200), MemberAddress.of("10.0.0.4", 4200),
                MemberAddress.of("10.0.0.5", 4200)), range.expand());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10.0.0.2|is not host:port",
        "10.0.0.2:|is not host:port",
        "10.0.0.2:70000|70000 is not a port",
        "10.0.0.2:abc|abc is not a port",
        "10.0.0-5.2:4000|over the last octet only",
        "10.0.0.9-5:4000|must be greater than its start",
        "10.0.0.3-300:4000|300 is not an IPv4 octet",
        "bad_host!:4000|is not a host name",
    })
    void rejectsMalformedEntriesSayingWhy(String text, String expected) {
        MemberAddress.Parsed parsed = MemberAddress.parse(text);
        assertFalse(parsed.ok());
        assertTrue(parsed.problem().contains(expected), parsed.problem());
    }
}
