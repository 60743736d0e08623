package io.bilateral.enrich.errors;

import io.bilateral.registry.SchemaRegistryException;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record that cannot be read (not Avro, corrupt, an unknown schema id) goes to the dead-letter queue with the
 * reason in headers; a record whose writer schema could not be fetched because of {@link RegistryTrouble} fails the
 * stream thread instead, so it is read again once the registry answers.
 */
public class RegistryAwareDeserializationHandler extends LogAndContinueExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(RegistryAwareDeserializationHandler.class);

    @Override
    public Response handleError(
            ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        Optional<SchemaRegistryException> registry = RegistryTrouble.of(exception);
        if (registry.isPresent()) {
            log.error(
                    "Schema registry trouble while reading {}-{}@{}; failing the stream thread so the record is read"
                            + " again: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    registry.get().getMessage());
            return Response.fail();
        }
        return super.handleError(context, record, exception);
    }
}
