package org.lectern.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemoAddressesTest {

    @ParameterizedTest
    @CsvSource({
            "student1@demo.lectern, true",
            "ADMIN@Demo.Lectern, true",
            "' ta@demo.lectern ', true",
            "someone@uni.edu, false",
            "x@demo.lectern.uni.edu, false",
            "x@notdemo.lectern, false",
            "demo.lectern@uni.edu, false",
            "'', false",
    })
    void demoAddresses(String email, boolean demo) {
        assertThat(DemoAddresses.isDemo(email)).isEqualTo(demo);
    }

    @org.junit.jupiter.api.Test
    void noAddressIsNotADemoOne() {
        assertThat(DemoAddresses.isDemo(null)).isFalse();
    }
}
