package dev.scaler.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scaler.chaos.Experiment;
import dev.scaler.chaos.ExperimentException;
import dev.scaler.load.JourneyMix;
import dev.scaler.load.Serves;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JourneysTest {
    private static final Serves WEB_TIER = new Serves(false, false);

    @Test
    void withoutJourneysAskedTheDefaultLeavesOutWhatTheProjectCannotServe() {
        assertThat(Journeys.choose(Optional.empty(), WEB_TIER, "web-tier").toString()).isEqualTo("browse=60,login=10");
        assertThat(Journeys.choose(Optional.empty(), Serves.EVERYTHING, "starter")).isEqualTo(JourneyMix.DEFAULT);
    }

    @Test
    void journeysAskedForThatTheProjectCannotServeAreRefusedWithWhatTheyNeed() {
        assertThatThrownBy(() -> Journeys.choose(Optional.of(JourneyMix.parse("browse=80,write=20,account=5")), WEB_TIER,
                "web-tier"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--journeys: write needs a database or shards (the notes live there); account needs a main"
                        + " database (the accounts live there), and web-tier has none. Leave --journeys out for the"
                        + " journeys it can serve (browse=60,login=10), or leave out write and account.");
        var servable = JourneyMix.parse("browse=80,login=20,write=0");
        assertThat(Journeys.choose(Optional.of(servable), WEB_TIER, "web-tier")).isEqualTo(servable);
    }

    @Test
    void anExperimentWhoseLoadTheProjectCannotServeIsRefusedAsABadInputAndOneItCanServeIsNot() throws ExperimentException {
        var killPrimary = (Experiment) ChaosScripts.find("kill-primary");

        assertThatThrownBy(() -> Journeys.refuseUnserved(killPrimary, WEB_TIER, "web-tier"))
                .isInstanceOf(UsageException.class)
                .hasMessage("kill-primary sends journeys web-tier cannot serve: write needs a database or shards (the"
                        + " notes live there); account needs a main database (the accounts live there), and web-tier"
                        + " has none. Give the experiment load.journeys without write and account (e.g. journeys:"
                        + " { browse: 60, login: 10 }), or run it on a project that has what they need");
        assertThat(Journeys.unservedBy(killPrimary, Serves.EVERYTHING, "starter")).isEmpty();
        // Shards alone serve notes but not accounts: only the account journey is named.
        assertThat(Journeys.unservedBy(killPrimary, new Serves(true, false), "shards-only").orElseThrow())
                .contains("account needs a main database").doesNotContain("write needs");
        // cdn-origin-down sends only browse and login: a project without a database serves it.
        assertThat(Journeys.unservedBy((Experiment) ChaosScripts.find("cdn-origin-down"), WEB_TIER, "cdn")).isEmpty();
    }
}
