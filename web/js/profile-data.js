// @ts-check
/** The profile as every view reads it: one selection, loaded over HTTP and kept fresh by profileUpdated. */
import { gql } from "./api.js";
import { live, subscribe } from "./live.js";

export const PROFILE_FIELDS = `id fullName email phone location summary enhancedSummary previousEnhancedSummary useEnhancedSummary enhancementVersion
  links { label url } skills { technical soft languages certifications }
  experiences { id title company location startDate endDate current bullets enhancedBullets previousEnhancedBullets useEnhanced technologies order }
  projects { id name url startDate endDate bullets enhancedBullets previousEnhancedBullets useEnhanced technologies order }
  education { id institution degree field startDate endDate }`;

export async function loadProfile() {
  return (await gql(`query MyProfile { myProfile { ${PROFILE_FIELDS} } }`)).myProfile;
}

/**
 * Calls `onProfile` with the profile now and after every change, from any path or session (and
 * again after a reconnect, for what changed while the socket was down). Returns the stop function.
 * @param {(profile: any) => void} onProfile
 * @param {(e: unknown) => void} onError
 */
export function watchProfile(onProfile, onError) {
  let stopped = false;
  const refresh = () => loadProfile().then((p) => !stopped && onProfile(p), onError);
  void refresh();
  const unsubscribe = subscribe(`subscription ProfileUpdated { profileUpdated { ${PROFILE_FIELDS} } }`, {}, {
    next: (data) => !stopped && onProfile(data.profileUpdated),
  });
  live.addEventListener("reconnected", refresh);
  return () => {
    stopped = true;
    unsubscribe();
    live.removeEventListener("reconnected", refresh);
  };
}
