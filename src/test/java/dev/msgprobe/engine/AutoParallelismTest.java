package dev.msgprobe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.msgprobe.model.Parallelism;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoParallelismTest {
  private static final long MIB = 1024 * 1024;

  @Test
  void givenNumber_isTakenAsGiven_whateverTheLimits() {
    Parallelism p = AutoParallelism.choose(3, 5000, new AutoParallelism.Resources(64, 32 * MIB, false));

    assertThat(p).isEqualTo(new Parallelism(3, "given", "platform", 64, 32));
  }

  @Test
  void shortListWithoutParallel_keepsTheSmallDefault() {
    Parallelism p = AutoParallelism.choose(AutoParallelism.UNSET, 300,
        new AutoParallelism.Resources(65536, 4096 * MIB, true));

    assertThat(p.endpointsAtOnce()).isEqualTo(8);
    assertThat(p.chosen()).isEqualTo("default");
  }

  @Test
  void longListWithoutParallel_isAuto() {
    Parallelism p = AutoParallelism.choose(AutoParallelism.UNSET, 301,
        new AutoParallelism.Resources(65536, 512 * MIB, true));

    assertThat(p.chosen()).isEqualTo("auto");
    assertThat(p.endpointsAtOnce()).isEqualTo((int) ((512 - 96) * MIB / AutoParallelism.HEAP_PER_ENDPOINT));
  }

  @Test
  void lowFileDescriptorLimit_boundsAuto() {
    Parallelism p = AutoParallelism.choose(AutoParallelism.AUTO, 5000,
        new AutoParallelism.Resources(1024, 4096 * MIB, true));

    assertThat(p.endpointsAtOnce()).isEqualTo((1024 - 128) / 4);
  }

  @Test
  void unknownFileDescriptorLimit_isTakenAsTheCommonDefaultOf1024() {
    Parallelism p = AutoParallelism.choose(AutoParallelism.AUTO, 5000,
        new AutoParallelism.Resources(-1, 4096 * MIB, true));

    assertThat(p.endpointsAtOnce()).isEqualTo((1024 - 128) / 4);
    assertThat(p.fdLimit()).isEqualTo(-1);
  }

  @Test
  void platformThreads_areCappedBelowVirtualOnes() {
    AutoParallelism.Resources plenty = new AutoParallelism.Resources(1 << 20, 64L * 1024 * MIB, false);

    assertThat(AutoParallelism.choose(AutoParallelism.AUTO, 5000, plenty).endpointsAtOnce()).isEqualTo(384);
    assertThat(AutoParallelism.choose(AutoParallelism.AUTO, 5000,
        new AutoParallelism.Resources(1 << 20, 64L * 1024 * MIB, true)).endpointsAtOnce()).isEqualTo(4096);
  }

  @Test
  void tinyHeap_stillMeasuresOneAtATime() {
    Parallelism p = AutoParallelism.choose(AutoParallelism.AUTO, 5000, new AutoParallelism.Resources(1024, 64 * MIB, false));

    assertThat(p.endpointsAtOnce()).isEqualTo(1);
  }

  @Test
  void fdLimit_isTheSoftLimitOfProcLimits(@TempDir Path dir) throws IOException {
    Path limits = dir.resolve("limits");
    Files.writeString(limits, "Limit                     Soft Limit           Hard Limit           Units     \n"
        + "Max open files            20000                1048576              files     \n");
    Path unlimited = dir.resolve("unlimited");
    Files.writeString(unlimited, "Max open files            unlimited            unlimited            files     \n");

    assertThat(AutoParallelism.fdLimitFrom(limits)).isEqualTo(20000);
    assertThat(AutoParallelism.fdLimitFrom(unlimited)).isEqualTo(-1);
    assertThat(AutoParallelism.fdLimitFrom(dir.resolve("absent"))).isEqualTo(-1);
  }

  @Test
  void autoAnnouncesItsChoice_givenAndDefaultDoNot() {
    AutoParallelism.Resources r = new AutoParallelism.Resources(20000, 512 * MIB, true);

    assertThat(AutoParallelism.notice(AutoParallelism.choose(AutoParallelism.AUTO, 10, r))).singleElement()
        .asString().startsWith("msgprobe: --parallel auto: 1664 endpoints at once (virtual threads");
    assertThat(AutoParallelism.notice(AutoParallelism.choose(4, 10, r))).isEmpty();
    assertThat(AutoParallelism.notice(AutoParallelism.choose(AutoParallelism.UNSET, 10, r))).isEmpty();
  }
}
