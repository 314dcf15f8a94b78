import * as migration_20261128_201814_initial from './20261128_201814_initial';

export const migrations = [
  {
    up: migration_20261128_201814_initial.up,
    down: migration_20261128_201814_initial.down,
    name: '20261128_201814_initial'
  },
];
