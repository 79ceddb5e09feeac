import { AdminApiError, type ProviderKey } from '../provider-admin.js';
import { isObject, listAllPages } from './list-all-pages.js';
import type { OpenAiRequest } from './openai-request.js';
import { isUsableId } from './to-provider-key.js';

/**
 * Deletes the key; the answer must say `deleted: true`. Project keys, a service account's included, go
 * through `DELETE /organization/projects/{project_id}/api_keys/{key_id}`: the SDK (openai v7) documents it
 * as "Deletes an API key from the project, including keys owned by service accounts". OpenAI's reference
 * once said that endpoint refuses a service account's key; should it answer 400 for one, the key is
 * revoked by deleting its service account, but only when that account holds no other key (deleting it
 * would take the others down too).
 */
export async function revokeOpenAiKey(request: OpenAiRequest, key: ProviderKey, keyVariable: string): Promise<void> {
  const projectId = key.project?.id;
  if (!isUsableId(key.id) || (key.kind === 'project' && !isUsableId(projectId))) {
    throw new AdminApiError(`cannot revoke an OpenAI key without a usable key and project id`, undefined);
  }
  if (key.kind === 'admin') return deleteAt(request, `/organization/admin_api_keys/${key.id}`, key.id, keyVariable);
  const path = `/organization/projects/${projectId}/api_keys/${key.id}`;
  try {
    await deleteAt(request, path, key.id, keyVariable);
  } catch (error) {
    const account = key.owner?.type === 'service-account' ? key.owner.id : null;
    if (!(error instanceof AdminApiError) || error.status !== 400 || !account || !isUsableId(account)) throw error;
    const keysPath = `/organization/projects/${projectId}/api_keys`;
    const held = await listAllPages(request, keysPath, { owner_project_access: 'any' });
    const others = held.filter(
      (k) =>
        isObject(k.owner) &&
        isObject(k.owner.service_account) &&
        k.owner.service_account.id === account &&
        k.id !== key.id,
    );
    if (others.length > 0) {
      throw new AdminApiError(
        `OpenAI refused to delete service-account key ${key.id} (400 from DELETE ${path}, with ${keyVariable}), and its service account ${account} holds ${others.length} other key(s): delete the key in OpenAI's dashboard`,
        400,
      );
    }
    await deleteAt(request, `/organization/projects/${projectId}/service_accounts/${account}`, key.id, keyVariable);
  }
}

async function deleteAt(request: OpenAiRequest, path: string, keyId: string, keyVariable: string): Promise<void> {
  const answer = await request.call('DELETE', path).catch((error: unknown) => {
    if (error instanceof AdminApiError && error.status === 404) {
      throw new AdminApiError(
        `OpenAI lists no key ${keyId} to delete (404 from DELETE ${path}, with ${keyVariable}): it may be deleted already`,
        404,
      );
    }
    throw error;
  });
  if (!isObject(answer) || answer.deleted !== true) throw request.malformed(`DELETE ${path}`, 'no deleted: true');
}
