package org.socialdeclik.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateFunctionsTest {

    @Test
    void findsEveryFunctionOfTheProjectTemplateWithItsHandlerAndTheGlobalMemory() {
        List<TemplateFunctions.Function> functions = TemplateFunctions.read(Path.of("../template.yaml"));

        assertThat(functions).extracting(TemplateFunctions.Function::logicalId)
                .contains("MissionsFunction", "ProfilesFunction", "MatchingFunction", "NotifierFunction");
        assertThat(functions).filteredOn(f -> f.logicalId().equals("MissionsFunction"))
                .singleElement().satisfies(f -> {
                    assertThat(f.handler()).isEqualTo("org.socialdeclik.missions.MissionsHandler");
                    assertThat(f.memoryMb()).isEqualTo(1024);
                });
    }

    @Test
    void aFunctionsOwnMemorySizeWinsOverTheGlobalOne(@TempDir Path dir) throws Exception {
        Path template = dir.resolve("template.yaml");
        Files.writeString(template, """
                Globals:
                  Function:
                    MemorySize: 1024
                Resources:
                  Table:
                    Type: AWS::DynamoDB::Table
                  SmallFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handleRequest
                      MemorySize: 512
                  BigFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: c.D::handleRequest
                """);

        assertThat(TemplateFunctions.read(template)).containsExactly(
                new TemplateFunctions.Function("SmallFunction", "a.B::handleRequest", 512),
                new TemplateFunctions.Function("BigFunction", "c.D::handleRequest", 1024));
    }
}
