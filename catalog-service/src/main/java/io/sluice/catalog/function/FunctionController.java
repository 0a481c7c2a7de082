package io.sluice.catalog.function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.catalog.audit.Audited;
import io.sluice.catalog.common.CatalogException;
import io.sluice.catalog.common.Names;
import io.sluice.catalog.identity.UserAccount;
import io.sluice.catalog.workflow.PublishStatus;
import io.sluice.contract.ActiveFunctionView;
import io.sluice.contract.FunctionJobView;
import io.sluice.udf.FunctionKind;
import io.sluice.udf.SourceTemplates;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "functions", description = "A project's UDFs: checked artifacts, immutable versions, the version each environment runs")
class FunctionController {

    private static final TypeReference<List<FunctionService.Declaration>> DECLARATIONS = new TypeReference<>() {};

    private final FunctionService functions;
    private final FunctionActivations activations;
    private final ObjectMapper json;

    FunctionController(FunctionService functions, FunctionActivations activations, ObjectMapper json) {
        this.functions = functions;
        this.activations = activations;
        this.json = json;
    }

    record Decision(String comment) {}

    @PostMapping(path = "/projects/{project}/functions/artifacts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload a jar (part 'jar') providing the functions in part 'functions' "
            + "([{name, className, kind, description}]); each function gets a new version unless it is unchanged")
    @Audited(action = "function.upload", objectType = "project")
    List<FunctionService.Stored> upload(
            @AuthenticationPrincipal UserAccount actor,
            @PathVariable String project,
            @RequestPart("jar") MultipartFile jar,
            @RequestPart("functions") String declarations) throws IOException {
        List<FunctionService.Declaration> declared;
        try {
            declared = json.readValue(declarations, DECLARATIONS);
        } catch (JsonProcessingException e) {
            throw CatalogException.invalid("functions", "part 'functions' must be a JSON list of {name, className, kind, description}");
        }
        return functions.upload(actor, project, jar.getBytes(), declared);
    }

    @PostMapping("/projects/{project}/functions/sources")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Compile a function's Java source against the Flink API and store it as a new version")
    @Audited(action = "function.compile", objectType = "project")
    FunctionService.Stored compile(
            @AuthenticationPrincipal UserAccount actor, @PathVariable String project, @RequestBody FunctionService.Source source) {
        return functions.compile(actor, project, source);
    }

    @GetMapping(path = "/functions/templates/{kind}", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "A compiling starting source for a function of this kind (scalar, table, aggregate, table_aggregate)")
    String template(@PathVariable String kind, @RequestParam(defaultValue = "com.example.MyFunction") String className) {
        return SourceTemplates.of(FunctionKind.parse(null, kind), className);
    }

    @GetMapping("/projects/{project}/functions")
    List<FunctionView> list(@AuthenticationPrincipal UserAccount actor, @PathVariable String project) {
        return functions.list(actor, project);
    }

    @GetMapping("/projects/{project}/functions/active")
    @Operation(summary = "The functions the project's sessions use in an environment, with their artifacts")
    List<ActiveFunctionView> active(
            @AuthenticationPrincipal UserAccount actor, @PathVariable String project, @RequestParam String environment) {
        return functions.activeIn(actor, project, environment);
    }

    @GetMapping("/projects/{project}/functions/{name}")
    FunctionView get(@AuthenticationPrincipal UserAccount actor, @PathVariable String project, @PathVariable String name) {
        return functions.get(actor, project, name);
    }

    @GetMapping(path = "/projects/{project}/functions/artifacts/{sha256}", produces = "application/java-archive")
    @Audited(action = "function.download", objectType = "project")
    byte[] artifact(@AuthenticationPrincipal UserAccount actor, @PathVariable String project, @PathVariable String sha256) {
        return functions.artifact(actor, project, sha256);
    }

    @PutMapping("/projects/{project}/functions/{name}/environments/{environment}")
    @Operation(summary = "Run a version in test now, or ask a data admin to run it in prod (also how to roll back)")
    @Audited(action = "function.activate", objectType = "function")
    ResponseEntity<FunctionActivations.Outcome> activate(
            @AuthenticationPrincipal UserAccount actor,
            @PathVariable String project,
            @PathVariable String name,
            @PathVariable String environment,
            @RequestBody FunctionActivations.Ask ask) {
        FunctionActivations.Outcome outcome = activations.activate(actor, project, name, environment, ask);
        return ResponseEntity.status(outcome.request() == null ? HttpStatus.OK : HttpStatus.ACCEPTED).body(outcome);
    }

    @DeleteMapping("/projects/{project}/functions/{name}/versions/{version}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Audited(action = "function.delete_version", objectType = "function")
    void deleteVersion(
            @AuthenticationPrincipal UserAccount actor, @PathVariable String project, @PathVariable String name, @PathVariable int version) {
        functions.deleteVersion(actor, project, name, version);
    }

    @PutMapping("/projects/{project}/functions/{name}/versions/{version}/jobs/{jobId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The gateway reports a running job using the version, which then cannot be deleted")
    void jobStarted(
            @AuthenticationPrincipal UserAccount actor, @PathVariable String project, @PathVariable String name,
            @PathVariable int version, @PathVariable String jobId, @RequestParam(required = false) String jobName) {
        functions.jobStarted(actor, project, name, version, jobId, jobName);
    }

    @DeleteMapping("/projects/{project}/functions/jobs/{jobId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The gateway reports that a job ended: its versions may be deleted again")
    void jobEnded(@AuthenticationPrincipal UserAccount actor, @PathVariable String project, @PathVariable String jobId) {
        functions.jobEnded(actor, project, jobId);
    }

    @GetMapping("/functions/jobs")
    @Operation(summary = "Every job the gateways reported as using a function version, with its project (gateway only): "
            + "a gateway clears those its cluster no longer runs")
    List<FunctionJobView> jobs(@AuthenticationPrincipal UserAccount actor) {
        return functions.jobs(actor);
    }

    @GetMapping("/function-activations")
    List<ActivationRequest> requests(@AuthenticationPrincipal UserAccount actor, @RequestParam(required = false) String status) {
        return activations.list(actor, Names.parse(PublishStatus.class, "status", status));
    }

    @GetMapping("/function-activations/{id}")
    ActivationRequest request(@AuthenticationPrincipal UserAccount actor, @PathVariable long id) {
        return activations.get(actor, id);
    }

    @PostMapping("/function-activations/{id}/approve")
    @Audited(action = "function.approve", objectType = "function_activation")
    ActivationRequest approve(@AuthenticationPrincipal UserAccount actor, @PathVariable long id, @RequestBody(required = false) Decision body) {
        return activations.approve(actor, id, body == null ? null : body.comment());
    }

    @PostMapping("/function-activations/{id}/reject")
    @Audited(action = "function.reject", objectType = "function_activation")
    ActivationRequest reject(@AuthenticationPrincipal UserAccount actor, @PathVariable long id, @RequestBody(required = false) Decision body) {
        return activations.reject(actor, id, body == null ? null : body.comment());
    }

    @PostMapping("/function-activations/{id}/withdraw")
    @Audited(action = "function.withdraw", objectType = "function_activation")
    ActivationRequest withdraw(@AuthenticationPrincipal UserAccount actor, @PathVariable long id) {
        return activations.withdraw(actor, id);
    }
}
