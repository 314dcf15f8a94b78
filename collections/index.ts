import type { CollectionConfig, GlobalConfig } from 'payload'

import { Deliverables } from './Deliverables'
import { Hotlines } from './Hotlines'
import { Media } from './Media'
import { Partners } from './Partners'
import { Phases } from './Phases'
import { Programme } from './Programme'
import { Reports } from './Reports'
import { TrainingModules } from './TrainingModules'
import { Users } from './Users'

export const collections: CollectionConfig[] = [
  Phases,
  Deliverables,
  TrainingModules,
  Reports,
  Partners,
  Hotlines,
  Media,
  Users,
]

export const globals: GlobalConfig[] = [Programme]
