package dev.parley.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DesktopLauncherTest {

    @Test
    void withoutADisplayLinuxGetsAOneLineHint() {
        String hint = DesktopLauncher.missingDesktop("Linux", null, "");
        assertThat(hint).contains("DISPLAY").contains("--headless").doesNotContain("\n");
    }

    @Test
    void otherSystemsAreNotChecked() {
        assertThat(DesktopLauncher.missingDesktop("Mac OS X", null, null)).isNull();
        assertThat(DesktopLauncher.missingDesktop("Windows 11", null, null)).isNull();
    }

    @Test
    void gtkIsLookedForWhenThereIsADisplay() {
        boolean gtkInstalled = java.util.stream.Stream.of("/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib",
                        "/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib64", "/lib")
                .anyMatch(dir -> java.nio.file.Files.exists(java.nio.file.Path.of(dir, "libgtk-3.so.0")));
        String hint = DesktopLauncher.missingDesktop("Linux", ":0", null);
        if (gtkInstalled) {
            assertThat(hint).isNull();
        } else {
            assertThat(hint).contains("apt-get install libgtk-3-0").contains("--headless");
        }
    }
}
