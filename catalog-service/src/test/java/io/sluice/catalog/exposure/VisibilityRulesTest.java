package io.sluice.catalog.exposure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.catalog.access.Application;
import io.sluice.catalog.access.ApplicationVisibility;
import io.sluice.catalog.audit.OnBehalfOf;
import io.sluice.catalog.changes.ChangeFeedReaders;
import io.sluice.catalog.common.CatalogException;
import io.sluice.catalog.datasource.DataSourceVisibility;
import io.sluice.catalog.identity.MemberVisibility;
import io.sluice.catalog.identity.PlatformRole;
import io.sluice.catalog.identity.ProjectRole;
import io.sluice.catalog.identity.UserAccount;
import io.sluice.catalog.table.TableVisibility;
import java.util.function.BooleanSupplier;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The visibility rules of each feature, called directly. */
class VisibilityRulesTest {

    private static UserAccount user(String name, PlatformRole... roles) {
        return new UserAccount(1, name, name, null, true, Set.of(roles));
    }

    private static final UserAccount PLAIN = user("bob");
    private static final UserAccount DATA_ADMIN = user("dana", PlatformRole.DATA_ADMIN);
    private static final UserAccount SYSTEM_ADMIN = user("root", PlatformRole.SYSTEM_ADMIN);
    private static final UserAccount GATEWAY = user("gw", PlatformRole.GATEWAY);

    @Test
    void membersOfAProjectAreForItsMembersAndAdmins() {
        assertThat(MemberVisibility.maySee(PLAIN, Optional.empty())).isFalse();
        assertThat(MemberVisibility.maySee(GATEWAY, Optional.empty())).isFalse();
        assertThat(MemberVisibility.maySee(PLAIN, Optional.of(ProjectRole.VIEWER))).isTrue();
        assertThat(MemberVisibility.maySee(DATA_ADMIN, Optional.empty())).isTrue();
        assertThat(MemberVisibility.maySee(SYSTEM_ADMIN, Optional.empty())).isTrue();
    }

    @Test
    void anApplicationIsForItsApplicantAndDataAdmins() {
        Application bobs = new Application(7, "orders", 1, null, "bob", "shop", null, "bob", 1, List.of(), List.of(),
                "why", null, null, null, null, null);
        assertThat(ApplicationVisibility.maySee(PLAIN, bobs)).isTrue();
        assertThat(ApplicationVisibility.maySee(user("eve"), bobs)).isFalse();
        assertThat(ApplicationVisibility.maySee(SYSTEM_ADMIN, bobs)).as("system admins do not decide applications").isFalse();
        assertThat(ApplicationVisibility.maySee(DATA_ADMIN, bobs)).isTrue();
    }

    @Test
    void connectionsAreForDataAndSystemAdmins() {
        assertThat(DataSourceVisibility.maySeeConnections(PLAIN)).isFalse();
        assertThat(DataSourceVisibility.maySeeConnections(GATEWAY)).as("the gateway has its own endpoint").isFalse();
        assertThat(DataSourceVisibility.maySeeConnections(DATA_ADMIN)).isTrue();
        assertThat(DataSourceVisibility.maySeeConnections(SYSTEM_ADMIN)).isTrue();
    }

    @Test
    void theChangeFeedIsForTheGatewayAndAdmins() {
        assertThat(ChangeFeedReaders.mayRead(PLAIN)).isFalse();
        assertThat(ChangeFeedReaders.mayRead(GATEWAY)).isTrue();
        assertThat(ChangeFeedReaders.mayRead(DATA_ADMIN)).isTrue();
        assertThat(ChangeFeedReaders.mayRead(SYSTEM_ADMIN)).isTrue();
    }

    @Test
    void aDesignNotPublishedAnywhereIsForItsProjectAndAdmins() {
        BooleanSupplier unasked = () -> {
            throw new AssertionError("an admin's or the gateway's answer needs no lookup");
        };
        for (UserAccount everyDesign : List.of(DATA_ADMIN, SYSTEM_ADMIN, GATEWAY)) {
            assertThat(TableVisibility.seesEveryDesign(everyDesign)).isTrue();
            assertThat(TableVisibility.maySee(everyDesign, unasked, unasked)).isTrue();
        }
        assertThat(TableVisibility.seesEveryDesign(PLAIN)).isFalse();
        assertThat(TableVisibility.maySee(PLAIN, () -> false, () -> false)).as("someone else's design").isFalse();
        assertThat(TableVisibility.maySee(PLAIN, () -> false, () -> true)).as("a design of one's own project").isTrue();
        assertThat(TableVisibility.maySee(PLAIN, () -> true, () -> false)).as("published: in a catalog everyone sees").isTrue();
    }

    @Test
    void onlyTheGatewayNamesTheUserItActsFor() {
        assertThat(OnBehalfOf.check(GATEWAY, "alice")).isEqualTo("alice");
        assertThat(OnBehalfOf.check(GATEWAY, null)).isNull();
        assertThat(OnBehalfOf.check(PLAIN, "alice")).as("ignored from anyone else").isNull();
        assertThat(OnBehalfOf.check(DATA_ADMIN, "alice")).isNull();
        assertThatThrownBy(() -> OnBehalfOf.check(GATEWAY, "eve;admin"))
                .isInstanceOf(CatalogException.class).hasMessageContaining(OnBehalfOf.HEADER).hasMessageContaining("letters, digits");
    }
}
