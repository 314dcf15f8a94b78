import * as migration_20261128_200151_initial from './20261128_200151_initial';

export const migrations = [
  {
    up: migration_20261128_200151_initial.up,
    down: migration_20261128_200151_initial.down,
    name: '20261128_200151_initial'
  },
];
