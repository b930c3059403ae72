package io.lead360.feedback.privacy;

import io.lead360.feedback.outbox.OutboxEntry;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * That a person was erased ({@code id} = their former id), with the PersonErased event until it is
 * published. It stays afterwards, so that erasing again finishes rather than answering 404.
 */
@Document(StoredCollections.ERASURES)
record ErasureRecord(@Id String id, List<OutboxEntry> outbox) {}
