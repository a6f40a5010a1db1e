package org.lectern.grading.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InputEncoderTest {

    @Test
    void dividesExactlyAsPyTorchDoes() {
        InputEncoder encoder = new InputEncoder(Fixtures.DIGITS);
        float[] image = new float[64];
        for (int i = 0; i < 64; i++) {
            image[i] = i % 17;
        }
        float[] input = new float[64 + 3];

        encoder.encode(image, 0, input, 3);

        for (int i = 0; i < 64; i++) {
            assertThat(input[3 + i]).isEqualTo((i % 17) / 16f);
        }
    }

    @Test
    void normalisesPerChannelAndTransposesToChannelsLast() {
        Normalisation normalisation = new Normalisation(255, List.of(0.5, 0.25), List.of(0.5, 0.25));
        ModelSpec spec = ModelSpec.of(2, 1, 2, Layout.NHWC, normalisation, 10, 1 << 20, 1000);
        // [C=2, H=1, W=2]: channel 0 = 0, 255; channel 1 = 51, 102
        float[] image = {0, 255, 51, 102};
        float[] input = new float[4];

        new InputEncoder(spec).encode(image, 0, input, 0);

        // [H=1, W=2, C=2]: (0/255-0.5)/0.5, (51/255-0.25)/0.25, (255/255-0.5)/0.5, (102/255-0.25)/0.25
        assertThat(input).containsExactly(
                (0f / 255f - 0.5f) / 0.5f, (51f / 255f - 0.25f) / 0.25f,
                (255f / 255f - 0.5f) / 0.5f, (102f / 255f - 0.25f) / 0.25f);
    }

    @Test
    void channelsFirstWithMeanAndStdKeepsTheOrder() {
        Normalisation normalisation = new Normalisation(1, List.of(1.0), List.of(2.0));
        ModelSpec spec = ModelSpec.of(2, 1, 2, Layout.NCHW, normalisation, 10, 1 << 20, 1000);
        float[] input = new float[4];

        new InputEncoder(spec).encode(new float[] {1, 3, 5, 7}, 0, input, 0);

        assertThat(input).containsExactly(0f, 1f, 2f, 3f);
    }
}
