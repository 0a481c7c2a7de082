package io.sluice.catalog.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.common.Environment;
import io.sluice.catalog.table.TableType;
import io.sluice.contract.AccessDecision;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessRulesTest {

    private static final List<String> COLUMNS = List.of("id", "name", "score");

    private static Grant grant(GranteeType type, String grantee, Privilege privilege, List<String> columns) {
        return new Grant(1, "orders", Environment.TEST, type, grantee, privilege, columns, null, "dana", null);
    }

    private static TableAccess access(TableType type, boolean isPublic, Set<String> blackProjects, Set<String> blackUsers, Grant... grants) {
        return new TableAccess("orders", "test", "shop", type, true, isPublic, COLUMNS, blackProjects, blackUsers, List.of(grants));
    }

    private static AccessDecision decide(TableAccess access, String user, String project, Privilege action, List<String> columns) {
        return AccessRules.decide(access, user, project, action, columns);
    }

    @Test
    void ownerProjectHoldsEveryPrivilegeButKafkaTakesOnlySelectAndInsert() {
        assertThat(decide(access(TableType.TABLE, false, Set.of(), Set.of()), "ann", "shop", Privilege.DELETE, List.of()).rule()).isEqualTo("owner");
        AccessDecision update = decide(access(TableType.TOPIC, false, Set.of(), Set.of()), "ann", "shop", Privilege.UPDATE, List.of());
        assertThat(update.allowed()).isFalse();
        assertThat(update.rule()).isEqualTo("kafka");
    }

    @Test
    void blacklistWinsOverOwnershipPublicAndGrants() {
        TableAccess listed = access(TableType.TABLE, true, Set.of("shop"), Set.of("eve"), grant(GranteeType.USER, "eve", Privilege.SELECT, null));
        assertThat(decide(listed, "eve", "other", Privilege.SELECT, List.of()).rule()).isEqualTo("blacklist");
        assertThat(decide(listed, "ann", "shop", Privilege.SELECT, List.of()).rule()).isEqualTo("blacklist");
    }

    @Test
    void publicGivesSelectOnly() {
        TableAccess open = access(TableType.TABLE, true, Set.of(), Set.of());
        assertThat(decide(open, "bo", "other", Privilege.SELECT, List.of()).rule()).isEqualTo("public");
        assertThat(decide(open, "bo", "other", Privilege.INSERT, List.of()).rule()).isEqualTo("no_grant");
    }

    @Test
    void userAndProjectGrantsCoverTheirPrivilegeOnly() {
        TableAccess granted = access(TableType.TABLE, false, Set.of(), Set.of(),
                grant(GranteeType.PROJECT, "other", Privilege.INSERT, null), grant(GranteeType.USER, "bo", Privilege.SELECT, null));
        assertThat(decide(granted, "cy", "other", Privilege.INSERT, List.of()).rule()).isEqualTo("project_grant");
        assertThat(decide(granted, "bo", "third", Privilege.SELECT, List.of()).rule()).isEqualTo("user_grant");
        AccessDecision none = decide(granted, "cy", "other", Privilege.SELECT, List.of());
        assertThat(none.allowed()).isFalse();
        assertThat(none.reason()).contains("has no select privilege on test.orders").contains("POST /api/v1/tables/orders/applications");
    }

    @Test
    void columnGrantsAllowExactlyTheirColumns() {
        TableAccess columns = access(TableType.TABLE, false, Set.of(), Set.of(), grant(GranteeType.USER, "bo", Privilege.SELECT, List.of("id", "name")));
        assertThat(decide(columns, "bo", "other", Privilege.SELECT, List.of("id")).allowed()).isTrue();
        assertThat(decide(columns, "bo", "other", Privilege.SELECT, List.of("name", "id")).rule()).isEqualTo("column_grant");
        AccessDecision star = decide(columns, "bo", "other", Privilege.SELECT, List.of());
        assertThat(star.allowed()).as("the whole row includes score").isFalse();
        assertThat(star.reason()).contains("not [score]");
        assertThat(decide(columns, "bo", "other", Privilege.SELECT, List.of("id", "score")).allowed()).isFalse();
    }

    @Test
    void unpublishedTablesAreDenied() {
        TableAccess unpublished = new TableAccess("orders", "prod", "shop", TableType.TABLE, false, true, List.of(), Set.of(), Set.of(), List.of());
        assertThat(decide(unpublished, "ann", "shop", Privilege.SELECT, List.of()).rule()).isEqualTo("not_published");
    }
}
