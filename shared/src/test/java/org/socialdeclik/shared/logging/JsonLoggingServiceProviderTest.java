package org.socialdeclik.shared.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;

class JsonLoggingServiceProviderTest {

    @Test
    void slf4jFindsTheProviderThroughTheServiceFile() {
        assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(JsonLoggerFactory.class);
        assertThat(LoggerFactory.getLogger("anything")).isInstanceOf(JsonLogger.class);
    }

    @Test
    void providerRequestsApi2_0_99AndWiresBasicMdcAndMarkers() {
        JsonLoggingServiceProvider provider = new JsonLoggingServiceProvider();
        provider.initialize();

        assertThat(provider.getRequestedApiVersion()).isEqualTo("2.0.99");
        assertThat(provider.getMDCAdapter()).isInstanceOf(BasicMDCAdapter.class);
        assertThat(provider.getMarkerFactory()).isInstanceOf(BasicMarkerFactory.class);
        assertThat(provider.getLoggerFactory()).isInstanceOf(JsonLoggerFactory.class);
    }

    @Test
    void factoryReturnsTheSameLoggerForTheSameName() {
        Logger first = LoggerFactory.getLogger("org.socialdeclik.Cached");
        Logger second = LoggerFactory.getLogger("org.socialdeclik.Cached");

        assertThat(second).isSameAs(first);
        assertThat(first.getName()).isEqualTo("org.socialdeclik.Cached");
    }
}
