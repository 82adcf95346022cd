package io.r1kit.scene.proposal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProposalConfigTest {

    @Test
    void jsonRoundTripKeepsEveryField() {
        ProposalConfig c = ProposalConfig.defaults().withVoxelSize(0.07).withMethod(ClusterMethod.KMEANS, 12)
                .withHdbscan(15, 4).withSeed(9).withPlanes(0.04, 6, 0.02).withLinkDistance(0.2);
        assertEquals(c, ProposalConfig.fromJson(c.toJson()));
        assertTrue(c.toJson().contains("\"method\":\"KMEANS\""), c.toJson());
    }

    @Test
    void validationExplainsTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProposalConfig.defaults().withLinkDistance(0));
        assertEquals("linkDistance 0.0 m is outside (0, 1]; take about 1.5 x voxelSize so that neighbouring voxels link",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ProposalConfig.fromJson("{\"voxelSize\": 3}"));
        assertEquals("proposal config JSON is not valid: voxelSize 3.0 m is outside [0.005, 1]; indoor scans want 0.02..0.2",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ProposalConfig.fromJson(""));
        assertEquals("proposal config JSON is empty", e.getMessage());
    }
}
