import type { Plugin } from 'payload'

import { deliveryApi } from './delivery-api'

export const plugins: Plugin[] = [deliveryApi()]
