package io.bilateral.enrich.errors;

import io.bilateral.registry.SchemaRegistryException;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Kafka's default handling of send and serialization errors, except that a serialization error caused by
 * {@link RegistryTrouble} fails without a dead-letter record: the record is not bad and will be written again.
 * (The default handler fails too, but with a dead-letter copy of the source record attached.)
 */
public class RegistryAwareProductionHandler extends DefaultProductionExceptionHandler {

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(
            ErrorHandlerContext context,
            ProducerRecord record,
            Exception exception,
            SerializationExceptionOrigin origin) {
        Optional<SchemaRegistryException> registry = RegistryTrouble.of(exception);
        if (registry.isPresent()) {
            return Response.fail();
        }
        return super.handleSerializationError(context, record, exception, origin);
    }
}
