package org.socialdeclik.local;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;

/** Test templates on the test classpath. */
final class TestTemplates {
    private TestTemplates() {
    }

    static Path path(String resource) {
        URL url = TestTemplates.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("No test resource " + resource);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> pseudo(String stackName) {
        return Map.of("AWS::Region", "eu-west-3", "AWS::AccountId", "123456789012", "AWS::StackName", stackName,
                "AWS::Partition", "aws", "AWS::URLSuffix", "amazonaws.com");
    }
}
