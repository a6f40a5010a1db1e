package org.lectern.grading.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationDataTest {

    @TempDir
    Path tmp;

    @Test
    void loadsTheDigitsTestSplit() throws Exception {
        EvaluationData data = EvaluationData.load(Fixtures.evalData());

        assertThat(data.size()).isEqualTo(450);
        assertThat(data.channels()).isEqualTo(1);
        assertThat(data.height()).isEqualTo(8);
        assertThat(data.width()).isEqualTo(8);
        assertThat(data.classes()).isEqualTo(10);
        assertThat(data.indices(Split.PUBLIC)).hasSize(225);
        assertThat(data.indices(Split.PRIVATE)).hasSize(225);
        // labels.csv's first rows: 0,1,private and 1,4,private
        assertThat(data.label(0)).isEqualTo(1);
        assertThat(data.split(1)).isEqualTo(Split.PRIVATE);
        float[] image = data.image(0);
        assertThat(image).hasSize(64);
        for (float value : image) {
            assertThat(value).isBetween(0f, 16f).isEqualTo((float) Math.rint(value));
        }
    }

    private Path folder(String header, byte[] images, String labels) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(folder.resolve("data.json"), header);
        Files.write(folder.resolve("images.f32"), images);
        Files.writeString(folder.resolve("labels.csv"), labels);
        return folder;
    }

    private static String header(String dtype, int n) {
        return """
                {"format": "lectern-eval-v1", "images": "images.f32", "labels": "labels.csv", "dtype": "%s",
                 "byteOrder": "little", "layout": "NCHW", "shape": [%d, 1, 2, 2], "classes": 3}
                """.formatted(dtype, n);
    }

    private static byte[] floats(float... values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            bytes.putFloat(v);
        }
        return bytes.array();
    }

    @Test
    void idsIndexTheImagesInAnyOrder() throws Exception {
        Path folder = folder(header("float32", 2), floats(1, 2, 3, 4, 5, 6, 7, 8),
                "id,label,split\n1,2,public\n0,0,PRIVATE\n");

        EvaluationData data = EvaluationData.load(folder);

        assertThat(data.image(1)).containsExactly(5, 6, 7, 8);
        assertThat(data.label(1)).isEqualTo(2);
        assertThat(data.split(1)).isEqualTo(Split.PUBLIC);
        assertThat(data.split(0)).isEqualTo(Split.PRIVATE);
    }

    @Test
    void readsUint8Images() throws Exception {
        Path folder = folder(header("uint8", 1), new byte[] {0, 1, (byte) 200, (byte) 255},
                "id,label,split\n0,1,public\n");

        assertThat(EvaluationData.load(folder).image(0)).containsExactly(0, 1, 200, 255);
    }

    @Test
    void saysWhatIsWrong() throws Exception {
        assertThatThrownBy(() -> EvaluationData.load(folder(header("float32", 3), floats(1, 2, 3, 4),
                "id,label,split\n")))
                .isInstanceOf(EvaluationDataException.class)
                .hasMessage("images.f32 holds 16 bytes; the shape in data.json needs 48 (12 float32 values)");
    }

    @Test
    void namesTheLineOfABadLabel() throws Exception {
        Path folder = folder(header("float32", 2), floats(1, 2, 3, 4, 5, 6, 7, 8),
                "id,label,split\n0,1,public\n1,1,test\n");

        assertThatThrownBy(() -> EvaluationData.load(folder))
                .hasMessage("labels.csv line 3: split 'test' is neither public nor private");
    }

    @Test
    void catchesDuplicateIdsAndLabelsOutOfRange() throws Exception {
        Path duplicate = folder(header("float32", 2), floats(1, 2, 3, 4, 5, 6, 7, 8),
                "id,label,split\n0,1,public\n0,1,public\n");
        assertThatThrownBy(() -> EvaluationData.load(duplicate)).hasMessage("labels.csv line 3: id 0 appears twice");

        Files.writeString(duplicate.resolve("labels.csv"), "id,label,split\n0,1,public\n1,3,public\n");
        assertThatThrownBy(() -> EvaluationData.load(duplicate)).hasMessage("labels.csv line 3: label 3 is outside 0..2");

        Files.writeString(duplicate.resolve("labels.csv"), "id,label,split\n0,1,public\n");
        assertThatThrownBy(() -> EvaluationData.load(duplicate))
                .hasMessage("labels.csv labels 1 images; the images file holds 2");
    }

    @Test
    void refusesPathsInTheHeader() throws Exception {
        Path folder = folder(header("float32", 1).replace("\"images.f32\"", "\"../secret\""), floats(1, 2, 3, 4),
                "id,label,split\n0,1,public\n");

        assertThatThrownBy(() -> EvaluationData.load(folder))
                .hasMessage("data.json: images must name a file in the same folder, without a path");
    }
}
