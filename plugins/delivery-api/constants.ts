/**
 * The events the plugin itself announces for content. A webhook can also subscribe to the events
 * other plugins emit through `config.custom.deliveryApi.emit`, named in the `webhooks.events` option.
 */
export const contentWebhookEvents = ['publish', 'unpublish', 'delete'] as const

/** `held`: reserved before the write that will announce it, not yet (or never) to be sent. */
export const deliveryStatuses = ['held', 'pending', 'retrying', 'succeeded', 'failed'] as const

export const deliverWebhookTaskSlug = 'deliverWebhook'

/** Slugs of the plugin's own collections unless `slugs` says otherwise. */
export const DEFAULT_SLUGS = {
  apiClients: 'api-clients',
  webhookDeliveries: 'webhook-deliveries',
  webhooks: 'webhooks',
} as const

/**
 * Marks a custom REST endpoint (in its `custom`) or a custom GraphQL query (in its field
 * `extensions`) as a read of published content that API keys may use: see readableByApiClients.
 */
export const API_CLIENT_READ = 'deliveryApiClientRead'
