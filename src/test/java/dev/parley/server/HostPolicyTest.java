package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostPolicyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "127.0.0.1 | 127.0.0.1:8085       | true",
        "127.0.0.1 | localhost            | true",
        "127.0.0.1 | LOCALHOST:8085       | true",
        "127.0.0.1 | [::1]:8085           | true",
        "127.0.0.1 | NONE                 | true",
        "127.0.0.1 | evil.example:8085    | false",
        "127.0.0.1 | 127.0.0.1.evil.io    | false",
        "localhost | rebind.attacker.org  | false",
        "0.0.0.0   | my-laptop.local:8085 | true",
        "192.168.1.5 | 192.168.1.5:8085   | true",
    })
    void aLoopbackServerOnlyAnswersLoopbackNames(String bound, String host, boolean allowed) {
        assertThat(new HostPolicy(bound).allows(host)).isEqualTo(allowed);
    }
}
