package dev.parley.tts.download;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressBarTest {

    @ParameterizedTest(name = "{0}/{1} at {2} B/s")
    @CsvSource(delimiter = '|', textBlock = """
            0          | 63200000   | 0       | v.onnx [                        ]   0%  0.0/63.2 MB  -- B/s  ETA --:--
            31600000   | 63200000   | 2000000 | v.onnx [############            ]  50%  31.6/63.2 MB  2.0 MB/s  ETA 0:16
            63200000   | 63200000   | 5000000 | v.onnx [########################] 100%  63.2/63.2 MB  5.0 MB/s  ETA 0:00
            2441       | 4885       | 1500    | v.onnx [###########             ]  49%  2.4/4.9 kB  1.5 kB/s  ETA 0:02
            0          | 2000000000 | 100000  | v.onnx [                        ]   0%  0.0/2.0 GB  100.0 kB/s  ETA 5:33:20
            90000000   | 100000000  | 150000  | v.onnx [#####################   ]  90%  90.0/100.0 MB  150.0 kB/s  ETA 1:07
            700        | 500        | 10      | v.onnx [########################] 100%  500/500 B  10 B/s  ETA 0:00
            0          | 0          | 0       | v.onnx [########################] 100%  0/0 B  -- B/s  ETA 0:00
            """)
    void rendersBytesPercentSpeedAndEta(long done, long total, double speed, String expected) {
        assertThat(ProgressBar.render("v.onnx", done, total, speed)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            0             | 0 B
            999           | 999 B
            1000          | 1.0 kB
            4885          | 4.9 kB
            999949        | 999.9 kB
            999950        | 1.0 MB
            63201294      | 63.2 MB
            113895201     | 113.9 MB
            1250000000    | 1.3 GB
            """)
    void writesSizesInDecimalUnits(long bytes, String expected) {
        assertThat(Sizes.human(bytes)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource(delimiter = '|', textBlock = """
            12         | 900       | 12/900 B
            12         | 4885      | 0.0/4.9 kB
            12500000   | 63201294  | 12.5/63.2 MB
            """)
    void writesAPartInTheUnitOfTheTotal(long done, long total, String expected) {
        assertThat(Sizes.ofTotal(done, total)).isEqualTo(expected);
    }
}
