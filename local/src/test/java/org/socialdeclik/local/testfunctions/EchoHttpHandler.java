package org.socialdeclik.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** An HTTP function for the integration tests: echoes what it got, writes items, sends email. */
public class EchoHttpHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> environment;
    private final DynamoDbClient dynamoDb;
    private final SesV2Client ses;

    public EchoHttpHandler(Map<String, String> environment) {
        this.environment = environment;
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                environment.get("AWS_ACCESS_KEY_ID"), environment.get("AWS_SECRET_ACCESS_KEY")));
        URI endpoint = URI.create(environment.get("AWS_ENDPOINT_URL"));
        Region region = Region.of(environment.get("AWS_REGION"));
        this.dynamoDb = DynamoDbClient.builder().endpointOverride(endpoint).region(region)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        // SES where the SDK's own variable for it says (the local run's SES front), as the functions do
        URI sesEndpoint = URI.create(environment.getOrDefault("AWS_ENDPOINT_URL_SESV2", endpoint.toString()));
        this.ses = SesV2Client.builder().endpointOverride(sesEndpoint).region(region)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        try {
            return switch (event.getRouteKey()) {
                case "GET /echo/{id}" -> echo(event, context);
                case "POST /items" -> putItem(event);
                case "POST /emails" -> email(event);
                case "GET /boom" -> throw new IllegalStateException("internal detail that must not leak");
                default -> respond(404, Map.of("title", "Not Found"));
            };
        } catch (java.io.IOException e) {
            return respond(400, Map.of("title", "Bad Request"));
        }
    }

    private APIGatewayV2HTTPResponse echo(APIGatewayV2HTTPEvent event, Context context) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", event.getVersion());
        body.put("routeKey", event.getRouteKey());
        body.put("rawPath", event.getRawPath());
        body.put("rawQueryString", event.getRawQueryString());
        body.put("pathParameters", event.getPathParameters());
        body.put("queryStringParameters", event.getQueryStringParameters());
        body.put("headers", event.getHeaders());
        body.put("method", event.getRequestContext().getHttp().getMethod());
        body.put("requestId", event.getRequestContext().getRequestId());
        body.put("functionName", context.getFunctionName());
        body.put("remainingTimeInMillis", context.getRemainingTimeInMillis());
        body.put("environment", environment);
        return respond(200, body);
    }

    private APIGatewayV2HTTPResponse putItem(APIGatewayV2HTTPEvent event) throws java.io.IOException {
        Map<?, ?> item = JSON.readValue(event.getBody(), Map.class);
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        item.forEach((k, v) -> attributes.put(k.toString(), AttributeValue.fromS(v.toString())));
        dynamoDb.putItem(b -> b.tableName(environment.get("TABLE_NAME")).item(attributes));
        return respond(201, Map.of("stored", true));
    }

    private APIGatewayV2HTTPResponse email(APIGatewayV2HTTPEvent event) throws java.io.IOException {
        Map<?, ?> request = JSON.readValue(event.getBody(), Map.class);
        String messageId = ses.sendEmail(b -> b.fromEmailAddress(environment.get("SENDER_EMAIL"))
                .configurationSetName(environment.get("SES_CONFIGURATION_SET"))
                .destination(d -> d.toAddresses(request.get("to").toString()))
                .content(c -> c.simple(m -> m
                        .subject(s -> s.data(request.get("subject").toString()))
                        .body(body -> body.text(t -> t.data("Bonjour, voir " + environment.get("WEB_BASE_URL")))
                                .html(h -> h.data("<p>Bonjour</p>")))
                        .headers(h -> h.name("List-Unsubscribe")
                                        .value("<" + environment.get("API_BASE_URL") + "/unsubscribe?token=t>"),
                                h -> h.name("List-Unsubscribe-Post").value("List-Unsubscribe=One-Click")))))
                .messageId();
        return respond(202, Map.of("messageId", messageId));
    }

    private static APIGatewayV2HTTPResponse respond(int status, Object body) {
        try {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                    .withHeaders(Map.of("content-type", "application/json"))
                    .withBody(JSON.writeValueAsString(body)).build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
