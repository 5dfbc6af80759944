package io.hyperstatus.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunksTest {
    @Test
    void piecesOfAtMostTheSizeInOrderTheLastOneShorter() {
        assertThat(Chunks.of(List.of(1, 2, 3, 4, 5), 2)).containsExactly(List.of(1, 2), List.of(3, 4), List.of(5));
        assertThat(Chunks.of(List.of(1, 2), 2)).containsExactly(List.of(1, 2));
    }

    @Test
    void noItemsNoPiece() {
        assertThat(Chunks.of(List.of(), 100)).isEmpty();
    }

    @Test
    void aSizeBelowOneIsRefused() {
        assertThatThrownBy(() -> Chunks.of(List.of(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
