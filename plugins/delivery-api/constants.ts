/** What a webhook can subscribe to. `gate-decision` is emitted by the phase-gate plugin through `config.custom.webhooks.emit`. */
export const webhookEvents = ['publish', 'unpublish', 'delete', 'gate-decision'] as const
export type WebhookEvent = (typeof webhookEvents)[number]

/** `held`: reserved before the write that will announce it, not yet (or never) to be sent. */
export const deliveryStatuses = ['held', 'pending', 'retrying', 'succeeded', 'failed'] as const

export const deliverWebhookTaskSlug = 'deliverWebhook'
