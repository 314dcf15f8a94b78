import path from 'node:path'

import { defaultSqliteFile, parseDatabaseUri } from './db'
import { ConfigurationError } from './lib/env'
import { projectRoot } from './lib/paths'

describe('parseDatabaseUri', () => {
  test.each([
    [undefined, { filePath: defaultSqliteFile, kind: 'sqlite' }],
    ['', { filePath: defaultSqliteFile, kind: 'sqlite' }],
    ['file:./tmp/x.db', { filePath: path.join(projectRoot, 'tmp/x.db'), kind: 'sqlite' }],
    ['file:/var/lib/cms/cms.db', { filePath: '/var/lib/cms/cms.db', kind: 'sqlite' }],
    ['mongodb://db:27017/cms?replicaSet=rs0', { kind: 'mongodb', url: 'mongodb://db:27017/cms?replicaSet=rs0' }],
    ['mongodb+srv://u:p@cluster.example.org/cms', { kind: 'mongodb', url: 'mongodb+srv://u:p@cluster.example.org/cms' }],
  ])('%p → %p', (uri, expected) => {
    expect(parseDatabaseUri(uri)).toMatchObject(expected)
  })

  test.each(['postgres://localhost/cms', 'mysql://x', 'file:', 'cms.db', 'http://mongo:27017'])(
    '%p is refused with a message naming the accepted forms',
    (uri) => {
      expect(() => parseDatabaseUri(uri)).toThrow(ConfigurationError)
      expect(() => parseDatabaseUri(uri)).toThrow(/DATABASE_URI must be unset .* file:<path> .* mongodb:\/\//)
    },
  )

  test('the refusal never echoes credentials from the URI', () => {
    expect(() => parseDatabaseUri('postgres://admin:s3cret@db/cms')).toThrow(/^(?!.*s3cret)/)
  })
})
