package io.sluice.catalog.function;

import io.sluice.catalog.common.CatalogException;
import io.sluice.catalog.common.Environment;
import io.sluice.catalog.identity.IdentityService;
import io.sluice.catalog.identity.PlatformRole;
import io.sluice.catalog.identity.Project;
import io.sluice.catalog.identity.UserAccount;
import io.sluice.contract.ActiveFunctionView;
import io.sluice.contract.FunctionJobView;
import io.sluice.udf.ArtifactRefused;
import io.sluice.udf.DeclaredFunction;
import io.sluice.udf.FunctionKind;
import io.sluice.udf.SourceRefused;
import io.sluice.udf.ValidatedArtifact;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's functions: artifacts stored once per checksum, immutable versions, the version each environment runs.
 * Uploads and sources are checked before anything is stored; a refusal names the function and why.
 */
@Service
@Transactional
public class FunctionService {

    private final FunctionRepository functions;
    private final FunctionChecks checks;
    private final FunctionAccess access;
    private final IdentityService identity;

    FunctionService(FunctionRepository functions, FunctionChecks checks, FunctionAccess access, IdentityService identity) {
        this.functions = functions;
        this.checks = checks;
        this.access = access;
        this.identity = identity;
    }

    /** A function an upload or a source declares, as the user sends it. */
    public record Declaration(String name, String className, String kind, String description) {}

    /** A function's source, to compile into a new version. */
    public record Source(String name, String className, String kind, String description, String source) {}

    /** What an upload did to one function: the version it now has, and whether the upload made it. */
    public record Stored(String function, int version, boolean created, String artifactSha256) {}

    public List<Stored> upload(UserAccount actor, String projectName, byte[] jar, List<Declaration> declarations) {
        Project project = identity.project(projectName);
        access.requireDeveloper(actor, project);
        if (declarations == null || declarations.isEmpty()) {
            throw CatalogException.invalid("functions", "name the functions the jar provides: [{\"name\":…, \"className\":…, \"kind\":…}]");
        }
        List<DeclaredFunction> declared = new ArrayList<>();
        for (int i = 0; i < declarations.size(); i++) {
            declared.add(declared("functions[" + i + "]", declarations.get(i)));
        }
        ValidatedArtifact artifact = checked("jar", () -> checks.artifacts().fromJar(jar, declared));
        return store(actor, project, artifact, "upload");
    }

    public Stored compile(UserAccount actor, String projectName, Source source) {
        Project project = identity.project(projectName);
        access.requireDeveloper(actor, project);
        if (source == null || source.source() == null || source.source().isBlank()) {
            throw CatalogException.invalid("source", "source is required: the Java source of the function's class");
        }
        DeclaredFunction declared =
                declared("name", new Declaration(source.name(), source.className(), source.kind(), source.description()));
        ValidatedArtifact artifact = checked("source", () -> checks.artifacts().fromSource(declared, source.source()));
        return store(actor, project, artifact, "source").get(0);
    }

    @Transactional(readOnly = true)
    public List<FunctionView> list(UserAccount actor, String projectName) {
        Project project = identity.project(projectName);
        access.requireReader(actor, project);
        return functions.names(project.id()).stream().map(name -> view(project, name)).toList();
    }

    @Transactional(readOnly = true)
    public FunctionView get(UserAccount actor, String projectName, String name) {
        Project project = identity.project(projectName);
        access.requireReader(actor, project);
        return view(project, normalized(name));
    }

    /** The functions a project's sessions use in an environment: for the gateway and the project's members. */
    @Transactional(readOnly = true)
    public List<ActiveFunctionView> activeIn(UserAccount actor, String projectName, String environment) {
        Project project = identity.project(projectName);
        access.requireReader(actor, project);
        return functions.activeIn(project.id(), Environment.parse("environment", environment));
    }

    /** An artifact's bytes, to the project's members and the gateway; another project's checksum is not found. */
    @Transactional(readOnly = true)
    public byte[] artifact(UserAccount actor, String projectName, String sha256) {
        Project project = identity.project(projectName);
        access.requireReader(actor, project);
        return functions.artifactContent(project.id(), sha256)
                .orElseThrow(() -> CatalogException.notFound("artifact of project " + project.name(), sha256));
    }

    /** Deletes a version no environment runs, no request asks for and no running job uses. */
    public void deleteVersion(UserAccount actor, String projectName, String name, int version) {
        Project project = identity.project(projectName);
        access.requireDeveloper(actor, project);
        long id = functionId(project, normalized(name));
        FunctionView view = view(project, normalized(name));
        if (view.versions().stream().noneMatch(v -> v.version() == version)) {
            throw CatalogException.notFound("version of function " + view.name(), version);
        }
        view.active().forEach((environment, active) -> {
            if (active == version) {
                throw CatalogException.conflict("version", "version " + version + " of '" + view.name() + "' is active in "
                        + environment + "; activate another version there first");
            }
        });
        view.pending().stream().filter(r -> r.version() == version).findFirst().ifPresent(r -> {
            throw CatalogException.conflict("version", r.describe() + " asks to activate version " + version + " of '"
                    + view.name() + "'; withdraw or decide it first");
        });
        List<String> jobs = functions.jobsUsing(id, version);
        if (!jobs.isEmpty()) {
            throw CatalogException.conflict("version", "version " + version + " of '" + view.name()
                    + "' is used by running job " + String.join(", ", jobs) + "; stop it first");
        }
        functions.deleteVersion(id, version);
    }

    /** The gateway reports a running job that uses a version, so that the version is not deleted under it. */
    public void jobStarted(UserAccount actor, String projectName, String name, int version, String jobId, String jobName) {
        IdentityService.requireRole(actor, PlatformRole.GATEWAY, "report the jobs that use a function");
        Project project = identity.project(projectName);
        functions.putJob(functionId(project, normalized(name)), version, jobId, jobName);
    }

    public void jobEnded(UserAccount actor, String projectName, String jobId) {
        IdentityService.requireRole(actor, PlatformRole.GATEWAY, "report the jobs that use a function");
        functions.removeJob(identity.project(projectName).id(), jobId);
    }

    /** Every job recorded as using a function version, so that the gateway can clear those that have ended. */
    public List<FunctionJobView> jobs(UserAccount actor) {
        IdentityService.requireRole(actor, PlatformRole.GATEWAY, "list the jobs that use functions");
        return functions.jobs();
    }

    long functionId(Project project, String name) {
        return functions.function(project.id(), name)
                .orElseThrow(() -> CatalogException.notFound("function of project " + project.name(), name));
    }

    FunctionView view(Project project, String name) {
        long id = functionId(project, name);
        return new FunctionView(project.name(), name, functions.versions(id), functions.active(id), functions.pending(id));
    }

    static String normalized(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }

    private List<Stored> store(UserAccount actor, Project project, ValidatedArtifact artifact, String origin) {
        long artifactId = functions.artifact(project.id(), artifact, origin, actor.getUsername());
        List<Stored> stored = new ArrayList<>();
        for (DeclaredFunction function : artifact.functions()) {
            Optional<Long> existing = functions.function(project.id(), function.name());
            long id = existing.orElseGet(() -> functions.insertFunction(project.id(), function.name(), actor.getUsername()));
            Optional<FunctionVersion> latest = functions.versions(id).stream().findFirst();
            if (latest.isPresent() && same(latest.get(), function, artifact.sha256())) {
                stored.add(new Stored(function.name(), latest.get().version(), false, artifact.sha256()));
                continue;
            }
            int version = latest.map(v -> v.version() + 1).orElse(1);
            functions.insertVersion(id, version, artifactId, function, actor.getUsername());
            stored.add(new Stored(function.name(), version, true, artifact.sha256()));
        }
        return stored;
    }

    private static boolean same(FunctionVersion version, DeclaredFunction function, String sha256) {
        return version.artifactSha256().equals(sha256) && version.className().equals(function.className())
                && version.kind().equals(function.kind().spelling())
                && java.util.Objects.equals(version.description(), function.description());
    }

    private static DeclaredFunction declared(String field, Declaration declaration) {
        if (declaration == null) {
            throw CatalogException.invalid(field, field + " is empty: give name, className and kind");
        }
        try {
            return new DeclaredFunction(normalized(declaration.name()), declaration.className(),
                    FunctionKind.parse(declaration.name(), declaration.kind()), declaration.description());
        } catch (ArtifactRefused e) {
            throw CatalogException.invalid(field, e.getMessage());
        }
    }

    private static ValidatedArtifact checked(String field, Supplier<ValidatedArtifact> check) {
        try {
            return check.get();
        } catch (ArtifactRefused e) {
            throw CatalogException.invalid(e.function() == null ? field : "functions", e.getMessage() + "; nothing was stored");
        } catch (SourceRefused e) {
            throw CatalogException.invalid("source", e.getMessage() + "; nothing was stored");
        }
    }
}
