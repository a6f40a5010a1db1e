package org.lectern.grading.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lectern.grading.model.DevicePreference;

class DeviceChoiceTest {

    @ParameterizedTest
    @CsvSource({
            // preference, GPUs visible, libtorch built with CUDA → device
            "AUTO, 0, false, cpu()",
            "AUTO, 1, false, cpu()", // the CPU build on a GPU machine: the GPU is visible but unusable
            "AUTO, 0, true, cpu()",
            "AUTO, 2, true, gpu(0)",
            "CPU, 2, true, cpu()",
            "GPU, 1, true, gpu(0)"})
    void theGpuIsUsedWhenItIsThereAndLibtorchCanUseIt(DevicePreference preference, int gpus, boolean cuda, String device) {
        assertThat(NetworkTrainer.choose(preference, gpus, cuda).toString()).isEqualTo(device);
    }

    @ParameterizedTest
    @CsvSource({
            "1, false, the CPU build",
            "0, true, sees none"})
    void askingForAMissingGpuSaysWhy(int gpus, boolean cuda, String reason) {
        assertThatThrownBy(() -> NetworkTrainer.choose(DevicePreference.GPU, gpus, cuda)).hasMessageContaining(reason);
    }
}
