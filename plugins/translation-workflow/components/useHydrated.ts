'use client'
import { useEffect, useState } from 'react'

/**
 * False in the server's HTML and until React has attached its handlers. A button shown enabled
 * before then takes the click and does nothing (on a loaded machine hydration can take seconds), so
 * the views keep their actions disabled until this turns true.
 */
export const useHydrated = (): boolean => {
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  return hydrated
}
