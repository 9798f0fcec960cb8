package dev.ferrule.gen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void theDefaultPackageIsTheGroupIdAndTheLibrary() {
        assertThat(Names.defaultPackage("org.acme", "tinykv")).isEqualTo("org.acme.tinykv");
        assertThat(Names.defaultPackage("com.Example-Corp", "my-lib")).isEqualTo("com.example_corp.my_lib");
        assertThat(Names.defaultPackage("org.acme", "2fast")).isEqualTo("org.acme._2fast");
        assertThat(Names.defaultPackage("org.acme", "native")).isEqualTo("org.acme._native");
        assertThat(Names.isPackageName(Names.defaultPackage("io.x", "class"))).isTrue();
    }

    @Test
    void aPackageNameWithAKeywordOrBadCharactersIsNone() {
        assertThat(Names.isPackageName("org.acme.kv")).isTrue();
        assertThat(Names.isPackageName("org.acme.native")).isFalse();
        assertThat(Names.isPackageName("org.acme-corp")).isFalse();
        assertThat(Names.isPackageName("1org")).isFalse();
    }
}
