import * as migration_20261128_201814_initial from './20261128_201814_initial';
import * as migration_20261128_202901_rate_limit_counters from './20261128_202901_rate_limit_counters';
import * as migration_20261128_203210_api_clients from './20261128_203210_api_clients';
import * as migration_20261128_204140_webhooks from './20261128_204140_webhooks';
import * as migration_20261129_021034_translation_gates_interchange from './20261129_021034_translation_gates_interchange';
import * as migration_20261129_051242_published_list_and_locale_indexes from './20261129_051242_published_list_and_locale_indexes';
import * as migration_20261129_052251_translation_queue_indexes from './20261129_052251_translation_queue_indexes';
import * as migration_20261129_092816_programme_progress_stored from './20261129_092816_programme_progress_stored';
import * as migration_20261129_102300_jobs_concurrency_key from './20261129_102300_jobs_concurrency_key';
import * as migration_20261202_070551_trust_review from './20261202_070551_trust_review';
import * as migration_20261202_213124_print_editions from './20261202_213124_print_editions';
import * as migration_20261203_100722_drop_rate_limit_counters from './20261203_100722_drop_rate_limit_counters';
import * as migration_20261203_103447_media_storage_prefix from './20261203_103447_media_storage_prefix';
import * as migration_20261203_141144_public_search_entries from './20261203_141144_public_search_entries';
import * as migration_20261203_173911_issue17_translation_at_scale from './20261203_173911_issue17_translation_at_scale';

export const migrations = [
  {
    up: migration_20261128_201814_initial.up,
    down: migration_20261128_201814_initial.down,
    name: '20261128_201814_initial',
  },
  {
    up: migration_20261128_202901_rate_limit_counters.up,
    down: migration_20261128_202901_rate_limit_counters.down,
    name: '20261128_202901_rate_limit_counters',
  },
  {
    up: migration_20261128_203210_api_clients.up,
    down: migration_20261128_203210_api_clients.down,
    name: '20261128_203210_api_clients',
  },
  {
    up: migration_20261128_204140_webhooks.up,
    down: migration_20261128_204140_webhooks.down,
    name: '20261128_204140_webhooks',
  },
  {
    up: migration_20261129_021034_translation_gates_interchange.up,
    down: migration_20261129_021034_translation_gates_interchange.down,
    name: '20261129_021034_translation_gates_interchange',
  },
  {
    up: migration_20261129_051242_published_list_and_locale_indexes.up,
    down: migration_20261129_051242_published_list_and_locale_indexes.down,
    name: '20261129_051242_published_list_and_locale_indexes',
  },
  {
    up: migration_20261129_052251_translation_queue_indexes.up,
    down: migration_20261129_052251_translation_queue_indexes.down,
    name: '20261129_052251_translation_queue_indexes',
  },
  {
    up: migration_20261129_092816_programme_progress_stored.up,
    down: migration_20261129_092816_programme_progress_stored.down,
    name: '20261129_092816_programme_progress_stored',
  },
  {
    up: migration_20261129_102300_jobs_concurrency_key.up,
    down: migration_20261129_102300_jobs_concurrency_key.down,
    name: '20261129_102300_jobs_concurrency_key',
  },
  {
    up: migration_20261202_070551_trust_review.up,
    down: migration_20261202_070551_trust_review.down,
    name: '20261202_070551_trust_review',
  },
  {
    up: migration_20261202_213124_print_editions.up,
    down: migration_20261202_213124_print_editions.down,
    name: '20261202_213124_print_editions',
  },
  {
    up: migration_20261203_100722_drop_rate_limit_counters.up,
    down: migration_20261203_100722_drop_rate_limit_counters.down,
    name: '20261203_100722_drop_rate_limit_counters',
  },
  {
    up: migration_20261203_103447_media_storage_prefix.up,
    down: migration_20261203_103447_media_storage_prefix.down,
    name: '20261203_103447_media_storage_prefix',
  },
  {
    up: migration_20261203_141144_public_search_entries.up,
    down: migration_20261203_141144_public_search_entries.down,
    name: '20261203_141144_public_search_entries',
  },
  {
    up: migration_20261203_173911_issue17_translation_at_scale.up,
    down: migration_20261203_173911_issue17_translation_at_scale.down,
    name: '20261203_173911_issue17_translation_at_scale'
  },
];
