package dev.scaler.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void aProblemPrintsAsFileLineColumnMessage() {
        assertThat(new Problem("a.yaml", 3, 7, "oops")).hasToString("a.yaml:3:7: oops");
        assertThat(new Problem("a.yaml", Location.FILE, "no such file")).hasToString("a.yaml: no such file");
    }

    @Test
    void problemsComeBackInFileOrderKeepingTiesInTheOrderFound() {
        Problems problems = new Problems("a.yaml");
        problems.add(new Location(5, 1), "late");
        problems.add(new Location(2, 9), "second");
        problems.add(new Location(2, 3), "first");
        problems.add(new Location(5, 1), "late too");
        problems.add(Location.FILE, "whole file");
        assertThat(problems.sorted()).extracting(Problem::message)
                .containsExactly("whole file", "first", "second", "late", "late too");
        assertThat(problems.size()).isEqualTo(5);
    }
}
