package org.socialdeclik.perf.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The lower floor: a stream handler, for which the runtime builds no serializer. The platform's
 * functions are stream handlers, so the bench shows their ratio to this floor too.
 */
public final class HelloStreamHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        int size = input.readAllBytes().length;
        output.write(("\"hello, " + size + " bytes\"").getBytes(StandardCharsets.UTF_8));
    }
}
