/** What a webhook can subscribe to. `gate-decision` is emitted by the phase-gate plugin through `config.custom.webhooks.emit`. */
export const webhookEvents = ['publish', 'unpublish', 'delete', 'gate-decision'] as const
export type WebhookEvent = (typeof webhookEvents)[number]

export const deliveryStatuses = ['pending', 'retrying', 'succeeded', 'failed'] as const

export const deliverWebhookTaskSlug = 'deliverWebhook'
