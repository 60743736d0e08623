package io.bilateral.enrich.errors;

import io.bilateral.registry.SchemaRegistryException;
import java.util.Optional;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record that fails processing goes to the dead-letter queue with the reason in headers, and processing goes on;
 * unless the failure is {@link RegistryTrouble}, which fails the stream thread so the record is processed again.
 * A serializer's registry error reaches this handler too: Kafka Streams passes an error from a sink up to the
 * processor that forwarded the record.
 */
public class RegistryAwareProcessingHandler extends LogAndContinueProcessingExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(RegistryAwareProcessingHandler.class);

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        Optional<SchemaRegistryException> registry = RegistryTrouble.of(exception);
        if (registry.isPresent()) {
            log.error(
                    "Schema registry trouble while processing {}-{}@{} in {}; failing the stream thread so the record"
                            + " is processed again from the last commit: {}",
                    context.topic(),
                    context.partition(),
                    context.offset(),
                    context.processorNodeId(),
                    registry.get().getMessage());
            return Response.fail();
        }
        return super.handleError(context, record, exception);
    }
}
