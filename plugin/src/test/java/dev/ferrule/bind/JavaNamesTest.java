package dev.ferrule.bind;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JavaNamesTest {

    @Test
    void theDefaultPackageIsTheGroupIdAndTheLibrary() {
        assertThat(JavaNames.defaultPackage("org.acme", "tinykv")).isEqualTo("org.acme.tinykv");
        assertThat(JavaNames.defaultPackage("com.Example-Corp", "my-lib")).isEqualTo("com.example_corp.my_lib");
        assertThat(JavaNames.defaultPackage("org.acme", "2fast")).isEqualTo("org.acme._2fast");
        assertThat(JavaNames.defaultPackage("org.acme", "native")).isEqualTo("org.acme._native");
        assertThat(JavaNames.isPackageName(JavaNames.defaultPackage("io.x", "class"))).isTrue();
    }

    @Test
    void aPackageNameWithAKeywordOrBadCharactersIsNone() {
        assertThat(JavaNames.isPackageName("org.acme.kv")).isTrue();
        assertThat(JavaNames.isPackageName("org.acme.native")).isFalse();
        assertThat(JavaNames.isPackageName("org.acme-corp")).isFalse();
        assertThat(JavaNames.isPackageName("1org")).isFalse();
    }
}
