import { makeAutoObservable } from 'mobx';
import { ApiError } from '../services/api';
import type { Platform, SimulatedBiometric } from '../services/platform';
import type { SoterAct, SoterChallenge, SoterProof } from '../../types/soter';

export interface SoterDeps {
  api: { soterChallenge(act: SoterAct): Promise<SoterChallenge> };
  platform: Pick<Platform, 'proveBiometric'>;
}

/** What a guarded act's store calls before acting (types/soter.ts). */
export type ProveBiometric = (act: SoterAct) => Promise<SoterProof>;

/**
 * The biometric guard in the app: a challenge from the server, then 指纹 / 面容 through the platform
 * layer (SOTER on weapp, the simulated prompt in the browser build). Which acts are guarded is the
 * server's rule (server/domain/soter.ts); the stores of those acts call prove().
 */
export class SoterStore {
  /** Browser build: the simulated SOTER prompt is on screen. */
  prompt = false;
  private promptAnswer: ((choice: SimulatedBiometric) => void) | null = null;

  constructor(private readonly deps: SoterDeps) {
    makeAutoObservable<SoterStore, 'deps' | 'promptAnswer'>(this, { deps: false, promptAnswer: false });
  }

  /** The proof for the act; {unavailable: true} on a device without biometrics; throws when cancelled. */
  prove: ProveBiometric = async (act) => {
    const { challenge } = await this.deps.api.soterChallenge(act);
    const answer = await this.deps.platform.proveBiometric(challenge);
    if ('cancelled' in answer) throw new ApiError(0, 'soter_cancelled', '未完成指纹或面容验证，操作未执行');
    return answer;
  };

  /** Browser build: show the simulated prompt; resolves with the person's choice. */
  askInBrowser(): Promise<SimulatedBiometric> {
    this.promptAnswer?.('cancel');
    this.prompt = true;
    return new Promise<SimulatedBiometric>((resolve) => {
      this.promptAnswer = resolve;
    });
  }

  answerPrompt(choice: SimulatedBiometric): void {
    const answer = this.promptAnswer;
    this.promptAnswer = null;
    this.prompt = false;
    answer?.(choice);
  }
}
