package io.sluice.catalog.function;

import io.sluice.catalog.identity.Project;
import io.sluice.catalog.identity.ProjectAccess;
import io.sluice.catalog.identity.UserAccount;
import org.springframework.stereotype.Component;

/** Who may see and change a project's functions: functions are code and act at project level ({@link ProjectAccess}). */
@Component
class FunctionAccess {

    private final ProjectAccess access;

    FunctionAccess(ProjectAccess access) {
        this.access = access;
    }

    void requireReader(UserAccount actor, Project project) {
        access.requireReader(actor, project, "functions");
    }

    void requireDeveloper(UserAccount actor, Project project) {
        access.requireDeveloper(actor, project, "functions");
    }
}
