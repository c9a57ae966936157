/** The domain words of types/domain.ts for the pages (types/ is compiled with src/, see config/index.ts). */
export {
  CHANNELS,
  CHANNEL_LABELS,
  CHANNEL_SHORT,
  ROLES,
  LOGIN_TYPES,
  LOGIN_TYPE_LABELS,
  WITHDRAWN_LOGIN_TYPE_LABEL,
  QR_APPS,
  QR_APP_LABELS,
  DROP_CAUSE_LABELS,
} from '../../../types/domain';
