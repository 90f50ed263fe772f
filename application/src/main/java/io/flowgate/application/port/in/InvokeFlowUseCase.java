package io.flowgate.application.port.in;

import io.flowgate.domain.execution.ExecutionId;
import io.flowgate.domain.flow.language.Response;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Invoking a flow through its endpoint: security, then the run, then the flow's answer. */
public interface InvokeFlowUseCase {

    /** How the caller presented itself, as read from the HTTP request; nothing in it is verified yet. */
    sealed interface PresentedCredential {
        /** No Authorization header, or one of another scheme. */
        record NoCredential() implements PresentedCredential {
        }

        /** {@code Authorization: Bearer} without a well-formed token after it. */
        record MalformedBearer() implements PresentedCredential {
        }

        record Bearer(String token) implements PresentedCredential {
        }
    }

    /**
     * One HTTP request to an invoke URL. Header names are lowercase; {@code query} holds each
     * parameter's first value; the client token may come as a header or a query parameter.
     */
    record Invocation(String slug, String alias, String method, String path, Map<String, String> query,
                      Map<String, List<String>> headers, String body, Optional<String> contentType,
                      PresentedCredential credential, Optional<String> clientTokenHeader,
                      Optional<String> clientTokenQuery) {

        public Invocation {
            Objects.requireNonNull(slug);
            Objects.requireNonNull(alias);
            query = Map.copyOf(query);
            headers = Map.copyOf(headers);
            Objects.requireNonNull(body);
        }
    }

    sealed interface InvocationResult {
    }

    /** Unknown org or alias: one answer for both. */
    record FlowNotFound() implements InvocationResult {
    }

    /**
     * Refused by the endpoint's security. {@code error} is the RFC 6750 code (empty when the request
     * simply had no credential), {@code scope} the scope to name in an insufficient_scope challenge.
     */
    record Refused(int status, Optional<String> error, String description, Optional<String> scope,
                   boolean bearerChallenge) implements InvocationResult {
    }

    record FlowInactive() implements InvocationResult {
    }

    record RateLimited(long retryAfterSeconds) implements InvocationResult {
    }

    /**
     * The flow ran (or is still running after answering early). The answer may leave only once {@code recorded}
     * completes: then the execution is durable. It fails when the execution could not be recorded.
     */
    record Ran(ExecutionId executionId, FlowAnswer answer, CompletableFuture<Void> recorded)
            implements InvocationResult {

        /** An execution already recorded. */
        public Ran(ExecutionId executionId, FlowAnswer answer) {
            this(executionId, answer, CompletableFuture.completedFuture(null));
        }
    }

    /** What the caller gets from a flow that ran. */
    sealed interface FlowAnswer {
    }

    /** The flow's answer: {@code flow.return}, {@code flow.return_raw}, {@code flow.close}, or {} for no return. */
    record Answered(Response response) implements FlowAnswer {
    }

    /** {@code flow.return_error}: its message is meant for the caller. */
    record FlowError(String message) implements FlowAnswer {
    }

    /** Any other failure: the caller learns only that it failed, and the execution id to ask about. */
    record Failed() implements FlowAnswer {
    }

    record TimedOut() implements FlowAnswer {
    }

    InvocationResult invoke(Invocation invocation);
}
