{{/* Common labels of every object. */}}
{{- define "deltastream.labels" -}}
app.kubernetes.io/part-of: deltastream
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end -}}

{{/* Selector labels of one component: (dict "root" $ "component" "silo"). */}}
{{- define "deltastream.selector" -}}
app.kubernetes.io/name: deltastream-{{ .component }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "deltastream.secretName" -}}
{{- default (printf "%s-deltastream" .Release.Name) .Values.existingSecret -}}
{{- end -}}

{{/* Image of one component: (dict "root" $ "component" "silo"). */}}
{{- define "deltastream.image" -}}
image: {{ printf "%s/%s:%s" .root.Values.image.repository .component .root.Values.image.tag | quote }}
imagePullPolicy: {{ .root.Values.image.pullPolicy }}
{{- end -}}

{{/* Environment every host shares: configuration from the ConfigMap, connection strings from the Secret. */}}
{{- define "deltastream.env" -}}
envFrom:
  - configMapRef:
      name: {{ .Release.Name }}-deltastream
env:
  - name: ConnectionStrings__Redis
    valueFrom: { secretKeyRef: { name: {{ include "deltastream.secretName" . }}, key: redis } }
  - name: ConnectionStrings__MongoDB
    valueFrom: { secretKeyRef: { name: {{ include "deltastream.secretName" . }}, key: mongodb, optional: true } }
{{- end -}}

{{/* The operator login of the dashboards (gateways and silos). */}}
{{- define "deltastream.operatorEnv" -}}
- name: DeltaStream__Auth__OperatorUsername
  value: {{ .Values.operators.username | quote }}
- name: DeltaStream__Auth__OperatorPassword
  valueFrom: { secretKeyRef: { name: {{ include "deltastream.secretName" . }}, key: operator-password, optional: true } }
{{- end -}}

{{/* AllowedHosts of the gateway: the ingress host, the gateway Service's in-cluster names, localhost (the probes' Host) and any extra. */}}
{{- define "deltastream.allowedHosts" -}}
{{- $service := printf "%s-gateway" .Release.Name -}}
{{- $hosts := list "localhost" "127.0.0.1" "[::1]" $service (printf "%s.%s" $service .Release.Namespace) (printf "%s.%s.svc" $service .Release.Namespace) (printf "%s.%s.svc.cluster.local" $service .Release.Namespace) -}}
{{- if .Values.gateway.ingress.enabled -}}
{{- $hosts = append $hosts .Values.gateway.ingress.host -}}
{{- end -}}
{{- join ";" (concat $hosts .Values.gateway.extraAllowedHosts) -}}
{{- end -}}

{{/* Probes on the health endpoints: live restarts a stuck process, ready (503 only when it cannot serve) routes. */}}
{{- define "deltastream.probes" -}}
# The kubelet would send the pod's address as Host, which the gateway's AllowedHosts does not list.
startupProbe:
  httpGet: { path: /health/live, port: http, httpHeaders: [{ name: Host, value: localhost }] }
  periodSeconds: 2
  failureThreshold: 60
livenessProbe:
  httpGet: { path: /health/live, port: http, httpHeaders: [{ name: Host, value: localhost }] }
  periodSeconds: 10
readinessProbe:
  httpGet: { path: /health/ready, port: http, httpHeaders: [{ name: Host, value: localhost }] }
  periodSeconds: 5
  timeoutSeconds: 6
{{- end -}}

{{/* Pod-level: the container runtime's default seccomp profile for every container of the pod. */}}
{{- define "deltastream.podSecurityContext" -}}
securityContext:
  runAsNonRoot: true
  seccompProfile: { type: RuntimeDefault }
{{- end -}}

{{- define "deltastream.securityContext" -}}
securityContext:
  runAsNonRoot: true
  allowPrivilegeEscalation: false
  readOnlyRootFilesystem: true
  capabilities: { drop: [ALL] }
{{- end -}}
