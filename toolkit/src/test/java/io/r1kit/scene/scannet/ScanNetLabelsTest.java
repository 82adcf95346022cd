package io.r1kit.scene.scannet;

import io.r1kit.SharedData;
import io.r1kit.scene.SceneFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanNetLabelsTest {

    @Test
    void nyu40NamesMatchTheSharedCsv() throws Exception {
        ScanNetLabels labels = ScanNetLabels.nyu40();
        for (String line : Files.readAllLines(SharedData.path("meta/nyu40_labels.csv")).subList(1, 41)) {
            String[] f = line.split(",");
            // The csv spells some names with underscores and one with a typo ("refridgerator").
            String expected = f[1].replace('_', ' ').replace("refridgerator", "refrigerator");
            assertEquals(expected, labels.nyu40Name(Integer.parseInt(f[0])));
        }
    }

    @Test
    void readsTheCombinedTsv() throws Exception {
        ScanNetLabels labels = ScanNetLabels.read(SharedData.path("meta/scannetv2-labels.combined.tsv"));
        assertEquals(607, labels.rawCategoryCount());
        assertEquals(Optional.of(5), labels.nyu40Id("chair"));
        assertEquals(Optional.of(1), labels.nyu40Id(" Wall "));
        assertTrue(labels.nyu40Id("no such thing").isEmpty());
    }

    @Test
    void badTsvNamesFileAndLine(@TempDir Path dir) throws Exception {
        Path tsv = dir.resolve("labels.tsv");
        Files.writeString(tsv, "id\traw_category\tnyu40id\n1\twall\tone\n");
        SceneFormatException e = assertThrows(SceneFormatException.class, () -> ScanNetLabels.read(tsv));
        assertEquals("labels.tsv: line 2: nyu40id 'one' is not a number", e.getMessage());
        Files.writeString(tsv, "id\tname\n");
        e = assertThrows(SceneFormatException.class, () -> ScanNetLabels.read(tsv));
        assertTrue(e.getMessage().startsWith("labels.tsv: header lacks"));
    }
}
