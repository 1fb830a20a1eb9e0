package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OriginPolicyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "NONE                     | true",
        "''                       | true",
        "http://localhost:3000    | true",
        "http://127.0.0.1:8085    | true",
        "https://[::1]:8443       | true",
        "https://evil.example     | false",
        "http://localhost.evil.io | false",
        "http://localhost.evil.example | false",
        "http://127.0.0.1.nip.io  | false",
        "http://localhost@evil.example | false",
        "ws://localhost:8085      | false",
        "null                     | false",
        "file://                  | false",
        "https://app.example.org  | true",
        "HTTPS://APP.EXAMPLE.ORG/ | true",
    })
    void browserPagesNeedToBeLocalOrListed(String origin, boolean allowed) {
        OriginPolicy policy = new OriginPolicy(Set.of("https://app.example.org"));
        assertThat(policy.allows(origin)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource({"https://evil.example", "null"})
    void aStarAllowsEveryOrigin(String origin) {
        assertThat(new OriginPolicy(Set.of("*")).allows(origin)).isTrue();
    }
}
