package dev.scaler.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.scaler.sql.Gtid.Relation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GtidTest {
    private static final String A = "3e11fa47-71ca-11e1-9e33-c80aa9429562";
    private static final String B = "2174b383-5441-11e8-b90a-c80aa9429562";

    private static Map<String, Gtid> candidates(Object... nameAndGtid) {
        var out = new LinkedHashMap<String, Gtid>();
        for (int i = 0; i < nameAndGtid.length; i += 2) {
            out.put((String) nameAndGtid[i], (Gtid) nameAndGtid[i + 1]);
        }
        return out;
    }

    // ---- MariaDB --------------------------------------------------------------------------------------------

    @Test
    void mariaDbPositionsParseAndPrintCanonically() {
        var p = Gtid.mariaDb(" 1-2-5 , 0-1-100 ");
        assertThat(p.toString()).isEqualTo("0-1-100,1-2-5");
        assertThat(p.domains().get(0L)).isEqualTo(new Gtid.MariaDbPosition.Entry(0, 1, 100));
        assertThat(Gtid.mariaDb("").isEmpty()).isTrue();
        assertThat(Gtid.mariaDb("0-4294967295-18446744073709551615").toString())
                .isEqualTo("0-4294967295-18446744073709551615");
    }

    @Test
    void mariaDbRejectsWhatIsNotAPosition() {
        assertThatThrownBy(() -> Gtid.mariaDb("0-1")).hasMessageContaining("domain-server-seq");
        assertThatThrownBy(() -> Gtid.mariaDb("0-1-5,0-2-6")).hasMessageContaining("two GTIDs for domain 0");
        assertThatThrownBy(() -> Gtid.mariaDb("0-1-99999999999999999999")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> Gtid.mariaDb(A + ":1-5")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mariaDbHigherSequenceIsAhead() {
        var ahead = Gtid.mariaDb("0-1-100");
        var behind = Gtid.mariaDb("0-1-98");
        assertThat(ahead.relationTo(behind)).isEqualTo(Relation.AHEAD);
        assertThat(behind.relationTo(ahead)).isEqualTo(Relation.BEHIND);
        assertThat(ahead.contains(behind)).isTrue();
        assertThat(ahead.beyond(behind)).isEqualTo(new Gtid.Difference(2, "0-1-100 > 0-1-98"));
        assertThat(behind.beyond(ahead).isEmpty()).isTrue();
    }

    @Test
    void mariaDbSequenceOrdersAcrossServersOfADomain() {
        // after a failover the new primary (server 2) continues the domain's sequence
        assertThat(Gtid.mariaDb("0-2-105").relationTo(Gtid.mariaDb("0-1-100"))).isEqualTo(Relation.AHEAD);
        assertThat(Gtid.mariaDb("0-1-100").relationTo(Gtid.mariaDb("0-1-100"))).isEqualTo(Relation.EQUAL);
        assertThat(Gtid.mariaDb("").relationTo(Gtid.mariaDb(""))).isEqualTo(Relation.EQUAL);
    }

    @Test
    void mariaDbSameSequenceFromTwoServersHasDiverged() {
        var one = Gtid.mariaDb("0-1-100");
        var two = Gtid.mariaDb("0-2-100");
        assertThat(one.relationTo(two)).isEqualTo(Relation.DIVERGED);
        assertThat(one.beyond(two)).isEqualTo(new Gtid.Difference(1, "0-1-100 <> 0-2-100"));
    }

    @Test
    void mariaDbDomainsAreComparedOneByOne() {
        var x = Gtid.mariaDb("0-1-100,1-3-5");
        var y = Gtid.mariaDb("0-1-101");
        assertThat(x.relationTo(y)).isEqualTo(Relation.DIVERGED);
        assertThat(x.beyond(y)).isEqualTo(new Gtid.Difference(5, "1-3-5 > none"));
        assertThat(y.beyond(x)).isEqualTo(new Gtid.Difference(1, "0-1-101 > 0-1-100"));
        assertThat(Gtid.mariaDb("0-1-101,1-3-5").relationTo(x)).isEqualTo(Relation.AHEAD);
    }

    @Test
    void mostAdvancedMariaDbReplica() {
        var e = Gtid.mostAdvanced(candidates("db-2", Gtid.mariaDb("0-1-98"), "db-3", Gtid.mariaDb("0-1-100")));
        assertThat(e.chosen()).isEqualTo("db-3");
        assertThat(e.safe()).isTrue();
        assertThat(e.position().toString()).isEqualTo("0-1-100");
    }

    @Test
    void equalReplicasElectTheFirst() {
        var e = Gtid.mostAdvanced(candidates("db-3", Gtid.mariaDb("0-1-100"), "db-2", Gtid.mariaDb("0-1-100")));
        assertThat(e.chosen()).isEqualTo("db-3");
        assertThat(e.safe()).isTrue();
        assertThat(Gtid.mostAdvanced(candidates("only", Gtid.mariaDb(""))).chosen()).isEqualTo("only");
    }

    @Test
    void divergedMariaDbReplicasElectTheOneThatLosesLeastAndSayWhatIsLost() {
        var e = Gtid.mostAdvanced(candidates(
                "db-2", Gtid.mariaDb("0-1-101"),
                "db-3", Gtid.mariaDb("0-1-100,1-3-5")));
        assertThat(e.chosen()).isEqualTo("db-3");
        assertThat(e.safe()).isFalse();
        assertThat(e.lost()).containsExactly(Map.entry("db-2", new Gtid.Difference(1, "0-1-101 > 0-1-100")));
        assertThat(e.lostTransactions()).isEqualTo(1);
    }

    // ---- MySQL ----------------------------------------------------------------------------------------------

    @Test
    void mySqlSetsParseMergeAndPrintCanonically() {
        var s = Gtid.mySql(A.toUpperCase() + ":11-18:1-5:6,\n  " + B + ":3");
        assertThat(s.toString()).isEqualTo(B + ":3," + A + ":1-6:11-18");
        assertThat(s.size()).isEqualTo(1 + 6 + 8);
        assertThat(Gtid.mySql("").isEmpty()).isTrue();
        assertThat(Gtid.mySql(A + ":1-5," + A + ":6-7").toString()).isEqualTo(A + ":1-7");
    }

    @Test
    void mySqlTaggedGtids() {
        var s = Gtid.mySql(A + ":1-5:batch:1-3:7");
        assertThat(s.toString()).isEqualTo(A + ":1-5," + A + ":batch:1-3:7");
        assertThat(s.size()).isEqualTo(9);
        assertThat(s.relationTo(Gtid.mySql(A + ":1-5"))).isEqualTo(Relation.AHEAD);
    }

    @Test
    void mySqlRejectsWhatIsNotASet() {
        assertThatThrownBy(() -> Gtid.mySql("not-a-uuid:1-5")).hasMessageContaining("uuid:interval");
        assertThatThrownBy(() -> Gtid.mySql(A)).hasMessageContaining("without transactions");
        assertThatThrownBy(() -> Gtid.mySql(A + ":5-3")).hasMessageContaining("5-3");
        assertThatThrownBy(() -> Gtid.mySql(A + ":0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gtid.mySql(A + ":1-5:tag")).hasMessageContaining("without transactions");
        assertThatThrownBy(() -> Gtid.mySql(A + ":1-x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gtid.mySql("0-1-100")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mySqlSetsWithGapsCompareBySetInclusion() {
        var full = Gtid.mySql(A + ":1-100");
        var gapped = Gtid.mySql(A + ":1-50:52-100");
        assertThat(full.relationTo(gapped)).isEqualTo(Relation.AHEAD);
        assertThat(full.beyond(gapped)).isEqualTo(new Gtid.Difference(1, A + ":51"));
        // more transactions, but a gap: neither contains the other
        var longer = Gtid.mySql(A + ":1-50:52-120");
        assertThat(longer.relationTo(full)).isEqualTo(Relation.DIVERGED);
        assertThat(longer.beyond(full)).isEqualTo(new Gtid.Difference(20, A + ":101-120"));
        assertThat(full.beyond(longer)).isEqualTo(new Gtid.Difference(1, A + ":51"));
        assertThat(full.relationTo(Gtid.mySql(A + ":1-100"))).isEqualTo(Relation.EQUAL);
    }

    @Test
    void minusCutsIntervals() {
        var s = Gtid.mySql(A + ":1-100," + B + ":1-3");
        assertThat(s.minus(Gtid.mySql(A + ":10-20:30:90-200," + B + ":1-3")).toString())
                .isEqualTo(A + ":1-9:21-29:31-89");
        assertThat(s.minus(Gtid.mySql("")).toString()).isEqualTo(s.toString());
        assertThat(s.minus(s).isEmpty()).isTrue();
    }

    @Test
    void mostAdvancedMySqlReplicaAndErrantTransactionsReported() {
        var primaryUuid = A;
        var e = Gtid.mostAdvanced(candidates(
                "db-2", Gtid.mySql(primaryUuid + ":1-98"),
                "db-3", Gtid.mySql(primaryUuid + ":1-100"),
                "db-4", Gtid.mySql(primaryUuid + ":1-99")));
        assertThat(e.chosen()).isEqualTo("db-3");
        assertThat(e.safe()).isTrue();

        // db-2 has an errant transaction of its own (written on a replica): electing db-3 loses it, and
        // electing db-2 would lose two transactions of the old primary; db-3 is the better choice.
        var errant = Gtid.mostAdvanced(candidates(
                "db-2", Gtid.mySql(primaryUuid + ":1-98," + B + ":1"),
                "db-3", Gtid.mySql(primaryUuid + ":1-100")));
        assertThat(errant.chosen()).isEqualTo("db-3");
        assertThat(errant.safe()).isFalse();
        assertThat(errant.lost()).containsExactly(Map.entry("db-2", new Gtid.Difference(1, B + ":1")));
    }

    @Test
    void flavoursDoNotMix() {
        assertThatThrownBy(() -> Gtid.mariaDb("0-1-1").beyond(Gtid.mySql(A + ":1")))
                .hasMessageContaining("cannot compare");
        assertThatThrownBy(() -> Gtid.mySql(A + ":1").relationTo(Gtid.mariaDb("0-1-1")))
                .hasMessageContaining("cannot compare");
        assertThatThrownBy(() -> Gtid.mostAdvanced(candidates("a", Gtid.mariaDb("0-1-1"), "b", Gtid.mySql(A + ":1"))))
                .hasMessageContaining("cannot compare");
        assertThatThrownBy(() -> Gtid.mostAdvanced(Map.of())).hasMessageContaining("no candidates");
    }
}
