package dev.scaler.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scaler.plan.Tier;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SelectorsTest {

    private static Target target(String text) {
        try {
            return Selectors.target(text);
        } catch (SelectorException e) {
            throw new AssertionError(text + ": " + e.getMessage(), e);
        }
    }

    private static Link link(String text) {
        try {
            return Selectors.link(text);
        } catch (SelectorException e) {
            throw new AssertionError(text + ": " + e.getMessage(), e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lb", "web", "web[2]", "web[*]", "cache", "cache.primary", "cache.replica",
        "cache.sentinel", "database.primary", "database.replica", "database[2]", "database[*].replica",
        "shard[1].primary", "shard[1].replica", "shard[*].primary", "shard[1]", "shard", "cdn.origin", "cdn.edge",
        "dc:eu-west", "queue", "queue.leader", "queue[2]", "queue[*]", "workers", "workers[3]", "workers[*]"})
    void everyTargetOfTheFormatReadsBackAsWritten(String text) {
        assertThat(target(text).text()).isEqualTo(text);
    }

    @Test
    void aTargetSaysTierPickAndRole() {
        assertThat(target("web")).isEqualTo(new Target.Nodes(Tier.WEB, Pick.ANY, Optional.empty()));
        assertThat(target("web[2]")).isEqualTo(new Target.Nodes(Tier.WEB, new Pick.Number(2), Optional.empty()));
        assertThat(target("web[*]")).isEqualTo(new Target.Nodes(Tier.WEB, Pick.EVERY, Optional.empty()));
        assertThat(target("shard[1].primary"))
                .isEqualTo(new Target.Nodes(Tier.SHARD, new Pick.Number(1), Optional.of(Role.PRIMARY)));
        assertThat(target("dc:eu-west")).isEqualTo(new Target.Datacenter("eu-west"));
        assertThat(target("  database.primary ")).isEqualTo(target("database.primary"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "web -> cache.primary     | web -> cache.primary",
        "web -> database.primary  | web -> database.primary",
        "web -> database.replica  | web -> database.replica",
        "web -> shard[1]          | web -> shard[1]",
        "web -> shard[1].primary  | web -> shard[1].primary",
        "web -> cache             | web -> cache",
        "web -> database          | web -> database",
        "web->shard[*].primary    | web -> shard[*].primary",
        "web -> queue             | web -> queue",
        "web -> queue.leader      | web -> queue.leader",
        "workers -> queue         | workers -> queue",
        "workers->queue.leader    | workers -> queue.leader"})
    void everyLinkOfTheFormatReads(String text, String canonical) {
        assertThat(link(text).text()).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "datbase.primary  | 0 | 'datbase' cannot be targeted; did you mean 'database'? (targets are lb, web, cache,"
                + " database, shard, cdn, queue, workers and dc:NAME)",
        "proxy            | 0 | 'proxy' cannot be targeted",
        "database.primay  | 9 | 'primay' is not a role of database; did you mean 'primary'? (database.primary or"
                + " database.replica)",
        "web.primary      | 3 | web has no roles: write web, web[2] or web[*]",
        "web[two]         | 4 | expected a member number from 1 to 99 or * inside [ ], got 'two'",
        "web[0]           | 4 | expected a member number from 1 to 99 or * inside [ ], got '0'",
        "database[0]      | 9 | (0 is the router, which cannot be targeted; nodes are numbered from 1)",
        "shard[1          | 7 | expected ']' to close the brackets after shard",
        "shard[x].primary | 6 | expected a shard number from 1 to 99",
        "database.replica[*] | 16 | write the brackets before the role: database[*].replica",
        "web extra        | 4 | unexpected 'extra' after the target",
        "dc:EU            | 3 | expected a datacenter name after 'dc:'",
        "cache.          | 6 | expected a role after '.' (one of cache.primary, cache.replica or cache.sentinel)",
        "''               | 0 | expected a target such as web",
        "queue.primary    | 6 | 'primary' is not a role of queue (queue.leader)"})
    void aBadTargetIsReportedWhereTheBadPartStarts(String text, int offset, String message) {
        SelectorException e = catchThrowableOfType(SelectorException.class, () -> Selectors.target(text));
        assertThat(e).as(text).isNotNull();
        assertThat(e.getMessage()).contains(message);
        assertThat(e.offset()).isEqualTo(offset);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "database.primary         | 0 | expected a link such as web -> database.primary",
        "lb -> web                | 0 | links from 'lb' cannot be faulted: the proxies sit between the web tier and"
                + " the data tiers (and between the workers and the queue), so a link starts at web or workers",
        "web[2] -> cache          | 3 | a link starts at the whole web tier",
        "' -> cache'              | 1 | expected web before '->'",
        "web -> lb                | 7 | no proxy leads from web to lb: links lead to cache, database, shard or queue",
        "web -> workers           | 7 | no proxy leads from web to workers",
        "workers -> cache         | 11 | no proxy leads from workers to cache: the workers' links lead to the queue",
        "web -> cdn.origin        | 7 | no proxy leads from web to cdn",
        "web -> cache.sentinel    | 13 | no proxy leads from web to the sentinels",
        "web -> dc:eu-west        | 7 | a link leads to a tier, not a datacenter",
        "web -> shard[1].primay   | 16 | 'primay' is not a role of shard; did you mean 'primary'?",
        "web -> databse           | 7 | did you mean 'database'?"})
    void aBadLinkIsReportedWhereTheBadPartStarts(String text, int offset, String message) {
        SelectorException e = catchThrowableOfType(SelectorException.class, () -> Selectors.link(text));
        assertThat(e).as(text).isNotNull();
        assertThat(e.getMessage()).contains(message);
        assertThat(e.offset()).isEqualTo(offset);
    }

    @Test
    void aDatacenterIsReadFromDcName() throws SelectorException {
        assertThat(Selectors.datacenter("dc:us-east")).isEqualTo("us-east");
        assertThat(catchThrowableOfType(SelectorException.class, () -> Selectors.datacenter("web")))
                .hasMessageContaining("expected a datacenter such as dc:eu-west");
    }
}
