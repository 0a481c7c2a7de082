package io.sluice.catalog.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.catalog.support.Api;
import io.sluice.catalog.support.ApiResponse;
import io.sluice.catalog.support.ApiTest;
import io.sluice.catalog.support.Browser;
import io.sluice.catalog.support.SecretCheckingProxy;
import io.sluice.catalog.support.TestServices;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web console end to end in the system's headless Chromium, against the whole service: every answer the
 * browser receives passes {@link SecretCheckingProxy}, and every page's text is checked for secrets too.
 * Screenshots of each page are kept in {@code target/console-screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest extends ApiTest {

    private Browser browser;
    private SecretCheckingProxy proxy;

    @BeforeAll
    void startBrowser() throws IOException {
        proxy = new SecretCheckingProxy(port);
        browser = new Browser();
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @AfterEach
    void nothingLeaked(TestInfo test) throws IOException {
        // the last state of every test is kept too: on a failure it shows where the page stood
        browser.screenshot("last-" + test.getTestMethod().orElseThrow().getName());
        String messages = browser.consoleMessages();
        if (!messages.isBlank()) {
            System.out.println("browser console of " + test.getDisplayName() + ":\n" + messages);
        }
        assertThat(proxy.leaks()).as("answers the browser received that held a secret").isEmpty();
        Api.assertNoSecret("the page " + browser.driver().getCurrentUrl(), browser.driver().getPageSource());
        assertThat(proxy.checked()).as("the browser went through the checking proxy").isPositive();
    }

    private void logIn(String user) {
        browser.open(proxy.url() + "/console/#/login");
        if (!browser.all(By.id("logout")).isEmpty()) {
            browser.click(By.id("logout"));
        }
        browser.type(By.name("username"), user);
        browser.type(By.name("password"), user + "-password");
        browser.click(By.cssSelector("form button[type=submit]"));
        browser.find(By.id("logout"));
    }

    private void go(String route) {
        browser.open(proxy.url() + "/console/#/" + route);
    }

    private WebElement card(String item) {
        return browser.find(By.cssSelector("form.queue-item[data-item='" + item + "']"));
    }

    private void decide(String item, String verb, String comment) {
        WebElement card = card(item);
        WebElement box = card.findElement(By.name("comment"));
        box.clear();
        box.sendKeys(comment);
        card.findElement(By.xpath(".//button[text()='" + verb + "']")).click();
    }

    @Test
    void aDeveloperFindsATableAppliesAndSeesTheGrantOnceADataAdminApproves() throws IOException {
        String owner = unique("cown");
        String ownerProject = unique("cownp");
        String developer = unique("cdev");
        String consumerProject = unique("cconp");
        String dataAdmin = unique("cdana");
        Api ownerApi = newUser(owner);
        Api developerApi = newUser(developer);
        Api dataAdminApi = newUser(dataAdmin, "data_admin");
        newProject(ownerProject, owner);
        newProject(consumerProject, null);
        assertThat(admin().put("/api/v1/projects/" + consumerProject + "/members/" + developer, Map.of("role", "developer")).status())
                .isEqualTo(200);
        String table = publishedToTest(ownerApi, ownerProject, dataAdminApi, true);
        String word = unique("walrus");
        assertThat(ownerApi.patch("/api/v1/tables/" + table, Map.of("description", "Orders of the " + word + " shop")).status())
                .isEqualTo(200);

        browser.open(proxy.url() + "/console/");
        browser.type(By.name("username"), developer);
        browser.type(By.name("password"), "not-the-password");
        browser.click(By.cssSelector("form button[type=submit]"));
        assertThat(browser.waitForText("wrong")).contains("The user name or password is wrong.");
        browser.screenshot("01-login");
        logIn(developer);

        browser.type(By.name("q"), word.toUpperCase());
        browser.click(By.cssSelector("form.filters button[type=submit]"));
        browser.find(By.linkText(table));
        assertThat(browser.find(By.id("directory-results")).getText()).contains("Orders of the " + word).contains("Tables 1–1 of 1");
        browser.screenshot("02-directory");
        browser.click(By.linkText(table));
        String page = browser.waitForText("Who may use it in test");
        assertThat(page).contains("id", "BIGINT", ownerProject, "Not public");
        browser.screenshot("03-table");

        browser.click(By.cssSelector("#apply input[name=applyFor][value=both]"));
        browser.type(By.cssSelector("#apply textarea[name=reason]"), "dashboards of the console test");
        browser.click(By.cssSelector("#apply button[type=submit]"));
        assertThat(browser.waitForText("Applied:")).contains("for project " + consumerProject, "for user " + developer);
        List<Long> applications = developerApi.get("/api/v1/applications?state=in_progress&scope=mine").json().path("items")
                .findValues("id").stream().map(n -> n.asLong()).toList();
        assertThat(applications).hasSize(2);
        String token = (String) browser.driver().executeScript(
                "return JSON.parse(sessionStorage.getItem('sluice.console.session')).token");
        browser.click(By.id("logout"));
        browser.waitForText("You are logged out.");
        assertThat(anonymous().withToken(token).get("/api/v1/principal").status()).as("logging out revoked the token").isEqualTo(401);

        logIn(dataAdmin);
        go("work");
        assertThat(card("application-" + applications.get(0)).getText()).contains(table, "select", "dashboards of the console test");
        browser.screenshot("04-queue");
        card("application-" + applications.get(0)).findElement(By.xpath(".//button[text()='Reject']")).click();
        assertThat(card("application-" + applications.get(0)).getText()).contains("Write a comment");
        for (long id : applications) {
            decide("application-" + id, "Approve", "fine for dashboards");
            browser.waitForText("approved.");
        }

        logIn(developer);
        go("work?applications=ended");
        assertThat(browser.find(By.id("my-applications")).getText()).contains(table, "approved by " + dataAdmin, "fine for dashboards");
        browser.screenshot("05-my-work");
        go("table/" + table + "?environment=test");
        assertThat(browser.find(By.id("access")).getText())
                .contains("project " + consumerProject, "user " + developer, "select", dataAdmin);
        browser.screenshot("06-table-with-grants");
        browser.size(420, 800);
        browser.screenshot("07-table-narrow");
        go("directory?environment=test&q=" + word);
        browser.find(By.linkText(table));
        browser.screenshot("08-directory-narrow");
        browser.size(1280, 800);
    }

    @Test
    void aTopicIsDesignedWithItsErrorsShownAtTheFieldAndPublishedToTest() throws IOException {
        String owner = unique("cdes");
        String project = unique("cdesp");
        String dataAdmin = unique("cdanb");
        newUser(owner);
        Api dataAdminApi = newUser(dataAdmin, "data_admin");
        newProject(project, owner);
        String source = unique("ckafka");
        assertThat(dataAdminApi.post("/api/v1/datasources", Map.of("name", source, "kind", "kafka", "managementMode", "managed",
                "environmentScope", "test", "connections", Map.of("test", Map.of("properties",
                        Map.of("bootstrap.servers", TestServices.kafkaBootstrapServers()))))).status()).isEqualTo(201);
        String topic = unique("ctopic");

        logIn(owner);
        go("design");
        browser.type(By.cssSelector("#new-design input[name=name]"), topic);
        browser.type(By.cssSelector("#new-design textarea[name=description]"), "payments designed in the console");
        By names = By.cssSelector("#new-design input[name=column-name]");
        By types = By.cssSelector("#new-design input[name=column-type]");
        By addColumn = By.xpath("//form[@id='new-design']//button[text()='Add column']");
        browser.all(names).get(0).sendKeys("id");
        browser.all(types).get(0).sendKeys("BIGINT");
        browser.click(addColumn);
        browser.all(names).get(1).sendKeys("paid_at");
        browser.all(types).get(1).sendKeys("TIMESTAMP(3)");
        browser.click(addColumn);
        browser.all(names).get(2).sendKeys("amount");
        browser.all(types).get(2).sendKeys("MONEY(10)");
        browser.all(By.cssSelector("#new-design input[name=column-key]")).get(0).click();
        new Select(browser.find(By.cssSelector("#new-design select[name='watermark.column']"))).selectByValue("paid_at");
        browser.click(By.cssSelector("#new-design button[type=submit]"));
        WebElement badType = browser.find(By.cssSelector("#new-design input[data-field='columns[2].type'][aria-invalid=true]"));
        String error = badType.findElement(By.xpath("following-sibling::p[@class='error']")).getText();
        assertThat(error).as("the refusal sits next to the column's type").contains("MONEY");
        browser.screenshot("09-design-refused-at-the-field");
        badType.clear();
        badType.sendKeys("DECIMAL(10, 2)");
        browser.click(By.cssSelector("#new-design button[type=submit]"));
        assertThat(browser.waitForText("Designed " + topic)).contains("version 1");

        browser.click(By.xpath("//form[@id='edit-schema']//button[text()='Add column']"));
        List<WebElement> editNames = browser.all(By.cssSelector("#edit-schema input[name=column-name]"));
        editNames.get(editNames.size() - 1).sendKeys("note");
        List<WebElement> editTypes = browser.all(By.cssSelector("#edit-schema input[name=column-type]"));
        editTypes.get(editTypes.size() - 1).sendKeys("STRING");
        browser.click(By.cssSelector("#edit-schema button[type=submit]"));
        browser.waitForText("Saved as version 2");
        new Select(browser.find(By.cssSelector("#publish select[name=dataSource]"))).selectByValue(source);
        browser.type(By.cssSelector("#publish textarea[name=comment]"), "ready for test");
        browser.click(By.cssSelector("#publish button[type=submit]"));
        assertThat(browser.waitForText("Asked to publish version 2 to test")).contains("waits for a data admin");
        browser.screenshot("10-design-publish-asked");
        long request = dataAdminApi.get("/api/v1/publish-requests?table=" + topic).json().path("items").get(0).path("id").asLong();

        logIn(dataAdmin);
        go("work");
        assertThat(card("publish-" + request).getText()).contains(topic, "version 2", source, owner, "ready for test");
        decide("publish-" + request, "Approve", "ok");
        browser.waitForText("approved.");

        logIn(owner);
        go("table/" + topic + "?environment=test");
        assertThat(browser.waitForText("Who may use it in test")).contains("paid_at, waiting 0 ms", source, "note");
        ApiResponse published = dataAdminApi.get("/api/v1/tables/" + topic + "?environment=test");
        assertThat(published.json().path("version").asInt()).isEqualTo(2);
        go("design/" + topic);
        assertThat(browser.waitForText("Publish requests")).contains("approved", dataAdmin);
        browser.screenshot("11-design-published");
    }

    @Test
    void aDataAdminRegistersADataSourceAndSeesWhyItsConnectivityTestFails() throws IOException {
        String dataAdmin = unique("cdanc");
        newUser(dataAdmin, "data_admin");
        String source = unique("cmaria");
        String password = "console-secret-" + unique("pw");
        Api.registerSecret(password);

        logIn(dataAdmin);
        go("datasources");
        browser.type(By.cssSelector("#register input[name=name]"), source);
        new Select(browser.find(By.cssSelector("#register select[name=kind]"))).selectByValue("mysql");
        new Select(browser.find(By.cssSelector("#register select[name=environmentScope]"))).selectByValue("test");
        browser.type(By.cssSelector("#register input[data-field='connections.test.properties.url']"), "jdbc:mariadb://127.0.0.1:3306/test");
        browser.type(By.cssSelector("#register input[data-field='connections.test.properties.username']"), "no_such_console_user");
        browser.type(By.cssSelector("#register input[data-field='connections.test.secrets.password']"), password);
        browser.screenshot("12-datasource-register");
        browser.click(By.cssSelector("#register button[type=submit]"));
        String page = browser.waitForText("Registered " + source);
        assertThat(page).contains("jdbc:mariadb://127.0.0.1:3306/test", "no_such_console_user", "secret (set, never shown)");
        browser.click(By.cssSelector("section[data-environment=test] button.test-connection"));
        String outcome = browser.find(By.cssSelector(".test-outcome p")).getText();
        assertThat(outcome).contains("Could not connect in test", "access denied");
        browser.screenshot("13-datasource-connectivity-failed");

        go("audit?action=datasource.connectivity-test&objectName=test/" + source);
        assertThat(browser.find(By.id("audit-results")).getText()).contains(dataAdmin, "failed");
        browser.screenshot("14-audit");
    }

    @Test
    void functionsAndTemplatesOfAProjectAreListedAndATemplateRendersWithTypedInputs() throws IOException {
        String developer = unique("cfun");
        String project = unique("cfunp");
        newUser(developer);
        newProject(project, developer);

        logIn(developer);
        go("functions?project=" + project);
        assertThat(browser.waitForText("has no functions yet")).contains(project);
        browser.screenshot("15-functions");
        go("templates?project=" + project);
        browser.click(By.linkText("windowed_aggregation"));
        browser.find(By.cssSelector("#render input[name=window]"));
        browser.screenshot("16-template");
        browser.click(By.cssSelector("#render button[type=submit]"));
        WebElement refused = browser.find(By.cssSelector("#render [aria-invalid=true]"));
        assertThat(refused.getAttribute("data-field")).startsWith("values.");
        browser.screenshot("17-template-refused");
    }
}
